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
  if (!match) {
    const numeric = byNumericCode(table, value);
    if (numeric) {
      const { code, name } = numeric;
      return {
        value: { code, name },
        issues: [fieldIssue("enum.numeric-code", { label, value: value.trim(), name, code, source: table.source }, name)],
      };
    }
  }
  if (!match) return { value: null, issues: [fieldIssue("enum.unknown", { label, value: value.trim() })] };
  const { code, name } = match.entry;
  const issues = match.exact ? [] : [fieldIssue("enum.alias", { label, value: value.trim(), name, code }, name)];
  return { value: { code, name }, issues };
}

/**
 * A code typed as a number (民族 `1`, 政治面貌 `3`): a numeric column drops the leading zero of
 * “01”/“03”, so the digits are padded to the table's code width before they are looked up.
 */
function byNumericCode(table: CodeTable, value: string): { code: string; name: string } | null {
  const digits = value.trim();
  if (!/^\d{1,3}$/.test(digits)) return null;
  const width = table.entries[0]?.code.length ?? 0;
  if (!table.entries.every((e) => /^\d+$/.test(e.code) && e.code.length === width) || digits.length > width) return null;
  const entry = table.entries.find((e) => e.code === digits.padStart(width, "0"));
  return entry ? { code: entry.code, name: entry.name } : null;
}
