import type { Cell } from "../cell";
import { type CodeTable, lookupCode } from "../codes/table";
import { type FieldResult, fieldIssue } from "../issues";

export interface Coded {
  code: string;
  name: string;
}

/**
 * A value from a code table. Common spellings are accepted and stored as the code; the cell is
 * told the standard name (info), so the sheet can be tidied in one click without blocking it.
 */
export function parseEnumeration(cell: Cell, table: CodeTable, label: string): FieldResult<Coded> {
  const value = typeof cell.value === "number" ? String(cell.value) : String(cell.value ?? "");
  const match = lookupCode(table, value);
  if (!match) return { value: null, issues: [fieldIssue("enum.unknown", { label, value: value.trim() })] };
  const { code, name } = match.entry;
  const issues = match.exact ? [] : [fieldIssue("enum.alias", { label, value: value.trim(), name, code }, name)];
  return { value: { code, name }, issues };
}
