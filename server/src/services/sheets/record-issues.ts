import type { Issue } from "@xueji/shared";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

/** A row's issue as stored: its row is the row's own number. */
export type StoredIssue = Omit<Issue, "row">;

/** A sheet's issues by the row they are on (issues of the sheet as a whole under 0, on no stored row), in their order. */
export function storedIssuesByRow(issues: readonly Issue[]): Map<number, StoredIssue[]> {
  const byRow = new Map<number, StoredIssue[]>();
  for (const { row, code, severity, column, field, params, suggestion } of issues) {
    const key = row ?? 0;
    const stored = { code, severity, column, field, params, suggestion };
    const list = byRow.get(key);
    if (list) list.push(stored);
    else byRow.set(key, [stored]);
  }
  return byRow;
}

/**
 * The record's issues added to rows already stored with the reader's: one set-based statement, the
 * rows' additions as one jsonb parameter. Appended after the reader's, as mergeIssues orders them
 * (by row, the reader's first), and each row's errors counted in.
 */
export async function addRecordIssues(tx: Executor, submissionId: string, issues: readonly Issue[]): Promise<void> {
  const additions: Array<{ row_number: number; issues: StoredIssue[]; errors: number }> = [];
  for (const [row, list] of storedIssuesByRow(issues)) {
    if (row === 0) continue;
    let errors = 0;
    for (const issue of list) if (issue.severity === "error") errors++;
    additions.push({ row_number: row, issues: list, errors });
  }
  if (!additions.length) return;
  await tx.execute(sql`
    update sheet_rows s
    set issues = s.issues || x.issues, error_count = s.error_count + x.errors
    from jsonb_to_recordset(${JSON.stringify(additions)}::jsonb) as x(row_number int, issues jsonb, errors int)
    where s.submission_id = ${submissionId} and s.row_number = x.row_number`);
}
