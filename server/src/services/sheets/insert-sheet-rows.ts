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

const INTO = `
  insert into sheet_rows (submission_id, row_number, student_no, "values", issues, error_count)
  select submission_id, row_number, student_no, "values", issues, error_count
  from jsonb_to_recordset(`;
const AS = `::jsonb)
    as x(submission_id uuid, row_number int, student_no text, "values" jsonb, issues jsonb, error_count int)`;
/**
 * The chunk goes as its JSON text on both engines; PGlite sends it as jsonb's binary form (db/pglite.ts), its
 * bytes written natively rather than measured a character at a time on the event loop.
 */
const statement = (tx: Executor, chunk: string): Promise<unknown> => tx.execute(sql`${sql.raw(INTO)}${chunk}${sql.raw(AS)}`);

const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Set-based: each chunk of rows travels as one jsonb parameter and is expanded by
 * jsonb_to_recordset in the database — one statement per 5,000 rows, never one per row.
 * While the server stores one chunk this thread writes out the next one, then runs `meanwhile`
 * (one slice of other work that needs no database, hashing the sheet for one; it says whether it did
 * any) until the server is done. A turn of the event loop between slices: a chunk is a megabyte or
 * more of text, which the socket takes in parts, each only when this thread lets it.
 */
export async function insertSheetRows(tx: Executor, rows: readonly SheetRowInsert[], meanwhile?: () => boolean): Promise<void> {
  let next = rows.length ? JSON.stringify(rows.slice(0, CHUNK)) : null;
  for (let i = 0; next !== null; i += CHUNK) {
    // A drizzle query starts on its first `then`; one turn of the event loop puts it on the wire. Its
    // failure is held (not left unhandled meanwhile) and thrown when it is awaited.
    let settled = false;
    const running = statement(tx, next).then(
      () => {
        settled = true;
        return null;
      },
      (error: unknown) => {
        settled = true;
        return { error };
      },
    );
    await turn();
    next = i + CHUNK < rows.length ? JSON.stringify(rows.slice(i + CHUNK, i + 2 * CHUNK)) : null;
    if (meanwhile) while (!settled && meanwhile()) await turn();
    const failed = await running;
    if (failed) throw failed.error;
  }
}
