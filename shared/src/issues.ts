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
