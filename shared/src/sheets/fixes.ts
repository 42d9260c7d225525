import type { GridRow } from "../cell";
import type { ParsedRow } from "./reader";
import { displayValue } from "./values";

export const TEXT_FORMAT = "@";
export const DATE_FORMAT = "yyyy-mm-dd";

/** One cell to write: the value and, first, the number format ("@" keeps an ID number text). */
export interface CellFix {
  /** 1-based worksheet row. */
  row: number;
  /** Column letter (A, B … AA). */
  column: string;
  value: string | number;
  /** The only formats a fix sets: text (IDs, codes) and a date. */
  format?: typeof TEXT_FORMAT | typeof DATE_FORMAT;
  /** What the cell holds now, for the list the secretary sees first. */
  before: string;
  reason: "normalised" | "standard-name" | "leading-zeros" | "text-date" | "id-as-text" | "from-record";
}

/** What a fix needs of an issue: the shared reader's own issues and the server's record verdict both fit. */
export interface FixableIssue {
  row: number | null;
  column: string | null;
  field: string | null;
  code: string;
  params?: Readonly<Record<string, string | number>>;
  suggestion?: string;
}

export interface FixPlan {
  safe: CellFix[];
  /** ID numbers Excel rounded, restored from the record: shown to the secretary before they are written. */
  fromRecord: Array<CellFix & { studentNo: string }>;
  /**
   * Cells a fix would touch that hold a formula (C2, D8): left out of the fixes — writing the value
   * would replace the formula — and listed apart, so she fixes the formula's source herself.
   */
  formulaCells: string[];
}

// Columns that hold identifiers: stored as text so Excel never drops a digit or a leading zero.
const IDENTIFIER_FIELDS = new Set(["studentNo", "examNo", "idNumber", "majorCode", "courseCode"]);
const DATE_FIELDS = new Set(["birthDate", "enrolmentDate", "expectedGraduationDate"]);

/** `A` → 0, `AA` → 26. */
function columnNumber(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellAt(grid: ReadonlyMap<number, GridRow>, row: number, column: string) {
  return grid.get(row)?.cells[columnNumber(column)] ?? null;
}

/**
 * The safe fixes (一键修正): full-width characters and stray spaces (the reader's
 * normalised value), spellings → the standard names of the code tables, leading zeros Excel
 * dropped, text dates → real dates, identifier columns switched to text. Nothing here guesses:
 * each value is one the shared reader already derived for certain. ID numbers Excel rounded are
 * not safe fixes — they come from the record (`fromRecord`) and are shown before being written.
 * One plan for every writer: the pane in Excel, the pane's file mode (the server writes the
 * corrected copy) and `xueji validate --fix`.
 */
export function planFixes(
  gridRows: readonly GridRow[],
  issues: readonly FixableIssue[],
  parsed: readonly ParsedRow[],
  columns: ReadonlyArray<{ field: string; column: string }>,
): FixPlan {
  const grid = new Map(gridRows.map((r) => [r.row, r]));
  const fixes = new Map<string, CellFix>();
  const formulaCells = new Set<string>();
  const put = (fix: CellFix) => {
    const key = `${fix.column}${fix.row}`;
    if (cellAt(grid, fix.row, fix.column)?.formula) formulaCells.add(key);
    else if (!fixes.has(key)) fixes.set(key, fix);
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
        if (issue.params?.value !== undefined)
          put({ ...at, value: String(issue.params.value), ...(identifier ? { format: TEXT_FORMAT } : {}), reason: "normalised" });
        break;
      case "enum.alias":
        if (issue.params?.name !== undefined) put({ ...at, value: String(issue.params.name), reason: "standard-name" });
        break;
      case "code.leading-zeros-lost":
        if (issue.suggestion) put({ ...at, value: issue.suggestion, format: TEXT_FORMAT, reason: "leading-zeros" });
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
          put({ row: row.row, column, before: String(cell.value), value: text, format: TEXT_FORMAT, reason: "id-as-text" });
        }
      }
    }
  }

  const fromRecord: FixPlan["fromRecord"] = [];
  for (const issue of issues) {
    if (issue.code !== "record.id-on-record" || issue.row === null || issue.column === null) continue;
    if (cellAt(grid, issue.row, issue.column)?.formula) {
      formulaCells.add(`${issue.column}${issue.row}`);
      continue;
    }
    const studentNo = parsed.find((r) => r.row === issue.row)?.values.studentNo ?? "";
    fromRecord.push({
      row: issue.row,
      column: issue.column,
      before: before(issue.row, issue.column),
      value: String(issue.params?.idNumber ?? ""),
      format: TEXT_FORMAT,
      reason: "from-record",
      studentNo,
    });
  }
  return { safe: [...fixes.values()], fromRecord, formulaCells: [...formulaCells] };
}
