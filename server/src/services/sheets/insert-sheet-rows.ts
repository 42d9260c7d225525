import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

export interface SheetRowInsert {
  submission_id: string;
  row_number: number;
  student_no: string | null;
  values: unknown;
  issues: unknown;
  error_count: number;
}

const CHUNK = 5000;

const statement = (chunk: string) => sql`
  insert into sheet_rows (submission_id, row_number, student_no, "values", issues, error_count)
  select submission_id, row_number, student_no, "values", issues, error_count
  from jsonb_to_recordset(${chunk}::jsonb)
    as x(submission_id uuid, row_number int, student_no text, "values" jsonb, issues jsonb, error_count int)`;

/**
 * Set-based: each chunk of rows travels as one jsonb parameter and is expanded by
 * jsonb_to_recordset in the database — one statement per 5,000 rows, never one per row.
 * While the server stores one chunk this thread writes out the next one, and runs `meanwhile`
 * (a slice of other work that needs no database: hashing the sheet, for one).
 */
export async function insertSheetRows(tx: Executor, rows: readonly SheetRowInsert[], meanwhile?: () => void): Promise<void> {
  let next = rows.length ? JSON.stringify(rows.slice(0, CHUNK)) : null;
  for (let i = 0; next !== null; i += CHUNK) {
    // A drizzle query starts on its first `then`; one turn of the event loop puts it on the wire. Its
    // failure is held (not left unhandled meanwhile) and thrown when it is awaited.
    const running = tx.execute(statement(next)).then(
      () => null,
      (error: unknown) => ({ error }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    next = i + CHUNK < rows.length ? JSON.stringify(rows.slice(i + CHUNK, i + 2 * CHUNK)) : null;
    meanwhile?.();
    const failed = await running;
    if (failed) throw failed.error;
  }
}
