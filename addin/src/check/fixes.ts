import { displayValue, type GridRow, type ParsedRow } from "@xueji/shared";
import { type CellWrite, columnIndex } from "../host/sheet-host";
import type { PaneIssue } from "./check-result";

/** A fix the pane will write, with what it changes, for the list the secretary sees first. */
export interface Fix extends CellWrite {
  before: string;
  reason: "normalised" | "standard-name" | "leading-zeros" | "text-date" | "id-as-text" | "from-record";
}

// Columns that hold identifiers: stored as text so Excel never drops a digit or a leading zero.
const IDENTIFIER_FIELDS = new Set(["studentNo", "examNo", "idNumber", "majorCode", "courseCode"]);
const DATE_FIELDS = new Set(["birthDate", "enrolmentDate", "expectedGraduationDate"]);
const TEXT = "@";
const DATE_FORMAT = "yyyy-mm-dd";

function cellAt(grid: ReadonlyMap<number, GridRow>, row: number, column: string) {
  return grid.get(row)?.cells[columnIndex(column)] ?? null;
}

/**
 * The safe fixes (issue 9, 一键修正): full-width characters and stray spaces (the reader's
 * normalised value), spellings → the standard names of the code tables, leading zeros Excel
 * dropped, text dates → real dates, identifier columns switched to text. Nothing here guesses:
 * each value is one the shared reader already derived for certain. ID numbers Excel rounded are
 * not safe fixes — they come from the record (`fromRecord`) and are shown before being written.
 */
export function planFixes(
  gridRows: readonly GridRow[],
  issues: readonly PaneIssue[],
  parsed: readonly ParsedRow[],
  columns: ReadonlyArray<{ field: string; column: string }>,
): { safe: Fix[]; fromRecord: Array<Fix & { studentNo: string }> } {
  const grid = new Map(gridRows.map((r) => [r.row, r]));
  const fixes = new Map<string, Fix>();
  const put = (fix: Fix) => {
    const key = `${fix.column}${fix.row}`;
    if (!fixes.has(key)) fixes.set(key, fix);
  };
  const before = (row: number, column: string) => String(cellAt(grid, row, column)?.value ?? "");

  for (const issue of issues) {
    if (issue.row === null || issue.column === null) continue;
    const at = { row: issue.row, column: issue.column, before: before(issue.row, issue.column) };
    const identifier = issue.field !== null && IDENTIFIER_FIELDS.has(issue.field);
    switch (issue.code) {
      case "id.normalised":
      case "code.normalised":
      case "name.normalised":
        put({ ...at, value: String(issue.params.value), ...(identifier ? { format: TEXT } : {}), reason: "normalised" });
        break;
      case "enum.alias":
        put({ ...at, value: String(issue.params.name), reason: "standard-name" });
        break;
      case "code.leading-zeros-lost":
        if (issue.suggestion) put({ ...at, value: issue.suggestion, format: TEXT, reason: "leading-zeros" });
        break;
    }
  }

  for (const { field, column } of columns) {
    for (const row of parsed) {
      const cell = cellAt(grid, row.row, column);
      if (!cell || fixes.has(`${column}${row.row}`)) continue;
      const value = row.values[field as keyof typeof row.values];
      if (DATE_FIELDS.has(field) && cell.type === "string" && typeof value === "string") {
        put({ row: row.row, column, before: String(cell.value), value, format: DATE_FORMAT, reason: "text-date" });
      }
      // A number that still has all its digits: store it as text before anyone edits it.
      if (IDENTIFIER_FIELDS.has(field) && cell.type === "number" && value !== undefined) {
        const text = displayValue(value);
        if (/^\d{1,15}$/.test(text) && Number(text) === cell.value) {
          put({ row: row.row, column, before: String(cell.value), value: text, format: TEXT, reason: "id-as-text" });
        }
      }
    }
  }

  const fromRecord: Array<Fix & { studentNo: string }> = [];
  for (const issue of issues) {
    if (issue.code !== "record.id-on-record" || issue.row === null || issue.column === null) continue;
    const studentNo = parsed.find((r) => r.row === issue.row)?.values.studentNo ?? "";
    fromRecord.push({
      row: issue.row,
      column: issue.column,
      before: before(issue.row, issue.column),
      value: String(issue.params.idNumber),
      format: TEXT,
      reason: "from-record",
      studentNo,
    });
  }
  return { safe: [...fixes.values()], fromRecord };
}
