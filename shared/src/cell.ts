/**
 * A spreadsheet cell as every reader hands it to the domain: the value Excel stored, the
 * type it stored it as, and its number format. Rich text arrives joined to plain text and a
 * formula arrives as its cached result, so the domain never sees Office.js or ExcelJS objects.
 *
 * The type matters: an ID number typed into a cell formatted as a number is a `number` here,
 * and that is how we know its last digits are gone (Excel keeps 15 significant digits).
 */
export type CellType = "string" | "number" | "boolean" | "empty" | "error";

export interface Cell {
  value: string | number | boolean | null;
  type: CellType;
  /** Excel number format, e.g. `yyyy/m/d` or `@`; absent when the reader does not know it. */
  format?: string;
  /** The value is a formula's result (姓名 looked up from another sheet): a fix would replace the formula, so none is offered. */
  formula?: true;
}

/** One worksheet row; `row` is the 1-based row number in the worksheet. */
export interface GridRow {
  row: number;
  /** Missing cells may be undefined (sparse reads) or null (JSON from a client). */
  cells: ReadonlyArray<Cell | null | undefined>;
}

/**
 * Excel's widest worksheet: columns A–XFD. The one column limit of every reader (the .xlsx and CSV
 * readers of `xueji validate` and the task pane's file mode) and of the server's grid input, so a sheet
 * that passes `xueji validate` is never refused on submit for its width. Memory is bounded by the
 * request size (the grid as JSON), not by this number.
 */
export const MAX_SHEET_COLUMNS = 16_384;

/**
 * Rows of one sheet the server takes in one request (a college's roster is a few thousand; the file
 * reader accepts Excel's own 1,048,576 for checking). Past it, the sheet is to be split: `xueji submit`
 * says so before sending, the server with the same message.
 */
export const MAX_GRID_ROWS = 100_000;

/** Excel holds at most 32,767 characters in a cell: the longest text a cell crosses the wire with. */
export const MAX_CELL_TEXT = 32_767;

export const EMPTY_CELL: Cell = { value: null, type: "empty" };

export function textCell(value: string): Cell {
  return value === "" ? EMPTY_CELL : { value, type: "string" };
}

export function numberCell(value: number, format?: string): Cell {
  return format === undefined ? { value, type: "number" } : { value, type: "number", format };
}

export function isBlankCell(cell: Cell | null | undefined): boolean {
  if (!cell || cell.type === "empty" || cell.value === null) return true;
  return cell.type === "string" && String(cell.value).trim() === "";
}

/** The text a person would see typed in the cell, for messages and header matching. */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell || cell.value === null) return "";
  return String(cell.value);
}

/** `0 → A`, `26 → AA`: the column letter of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
