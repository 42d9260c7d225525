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

/**
 * Set-based: each chunk of rows travels as one jsonb parameter and is expanded by
 * jsonb_to_recordset in the database — one statement per 5,000 rows, never one per row.
 */
export async function insertSheetRows(tx: Executor, rows: readonly SheetRowInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
    await tx.execute(sql`
      insert into sheet_rows (submission_id, row_number, student_no, "values", issues, error_count)
      select submission_id, row_number, student_no, "values", issues, error_count
      from jsonb_to_recordset(${chunk}::jsonb)
        as x(submission_id uuid, row_number int, student_no text, "values" jsonb, issues jsonb, error_count int)`);
  }
}
