import { catalogue, type IssueCode, type Severity } from "./messages/catalogue";
import type { Params } from "./messages/format";

/**
 * Problems are data, never exceptions: a parser or rule returns them, the UI localises them
 * through the catalogue. `suggestion` is the corrected value when one can be known for sure.
 */
export interface FieldIssue {
  code: IssueCode;
  severity: Severity;
  params: Params;
  suggestion?: string;
}

/** A field issue placed on the sheet: `row` is 1-based, `column` a letter (A, B … AA). */
export interface Issue extends FieldIssue {
  row: number | null;
  column: string | null;
  field: string | null;
}

export function fieldIssue(code: IssueCode, params: Params = {}, suggestion?: string): FieldIssue {
  const issue: FieldIssue = { code, severity: catalogue[code].severity, params };
  if (suggestion !== undefined) issue.suggestion = suggestion;
  return issue;
}

/** Result of parsing one cell: the normalised value (or null) and what was wrong with it. */
export interface FieldResult<T> {
  value: T | null;
  issues: FieldIssue[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * The worst severity and the messages of each cell that has problems, keyed by its address (B5), in the order
 * first met; a sheet-wide problem (no cell) is left out. A marked cell takes one fill, its worst severity's, and
 * every message — the same in the pane (Excel and WPS) and in the annotated copy the server writes.
 */
export function problemsByCell(
  problems: Iterable<{ row: number | null; column: string | null; severity: Severity; message: string }>,
): Map<string, { severity: Severity; messages: string[] }> {
  const cells = new Map<string, { severity: Severity; messages: string[] }>();
  for (const p of problems) {
    if (p.row === null || p.column === null) continue;
    const key = `${p.column}${p.row}`;
    const found = cells.get(key) ?? { severity: p.severity, messages: [] };
    if (SEVERITY_RANK[p.severity] > SEVERITY_RANK[found.severity]) found.severity = p.severity;
    found.messages.push(p.message);
    cells.set(key, found);
  }
  return cells;
}
