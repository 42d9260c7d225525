import { AppError, DATE_FORMAT, MAX_GRID_ROWS, MAX_SHEET_COLUMNS } from "@xueji/shared";
import ExcelJS from "exceljs";
import { z } from "zod";
import { textInput } from "../inputs/inputs";
import { FILE_LIMITS } from "./limits";
import { excelDate } from "./workbook-copy";

/** Excel refuses (as a damaged file) a list-validation source longer than this. */
const MAX_LIST_CHARS = 255;

const CELL_TEXT = 1_000;

/**
 * A new check sheet as the pane describes it (`sheetFromTemplate`, the one builder Excel mode
 * hands to `addSheet` too): headers, text columns, rows (the returning roster from the record),
 * dropdowns from the code tables and spare rows.
 */
export const newSheetInput = z
  .object({
    name: textInput(100, 1),
    /** The title row above the header (the sheet's Chinese name, which tells the reader its kind). */
    title: textInput(100, 1).optional(),
    headers: z.array(textInput(200)).min(1).max(MAX_SHEET_COLUMNS),
    textColumns: z.array(z.number().int().min(0).max(MAX_SHEET_COLUMNS)).max(MAX_SHEET_COLUMNS),
    rows: z.array(z.array(z.union([textInput(CELL_TEXT), z.number().finite(), z.null()])).max(MAX_SHEET_COLUMNS)).max(MAX_GRID_ROWS),
    dropdowns: z
      .array(
        z.object({
          column: z.number().int().min(0).max(MAX_SHEET_COLUMNS),
          // The values become one quoted, comma-separated list: no comma or quote inside, under Excel's limit.
          values: z
            .array(textInput(100).regex(/^[^,"]+$/))
            .min(1)
            .max(200)
            .refine((values) => values.join(",").length <= MAX_LIST_CHARS),
        }),
      )
      .max(MAX_SHEET_COLUMNS),
    spareRows: z.number().int().min(0).max(5_000),
  })
  .strict();

export type NewSheetSpec = z.infer<typeof newSheetInput>;

/** Characters Excel refuses in a worksheet name, and its 31-character limit. */
export function worksheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 31)
      .trim() || "Sheet1"
  );
}

/**
 * The new check sheet as an .xlsx, for file mode (WPS 表格, LibreOffice): what Excel mode's
 * `addSheet` writes into the open workbook, as a file — the header row bold and frozen, ID and
 * 学号 columns formatted as text before anything is typed, list validation from the code tables.
 */
export async function newSheetWorkbook(spec: NewSheetSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // With a title row the header is row 2 and the data start at row 3, as Excel mode's addSheet writes them.
  const head = spec.title ? 2 : 1;
  const sheet = workbook.addWorksheet(worksheetName(spec.name), { views: [{ state: "frozen", ySplit: head }] });
  const width = spec.headers.length;
  const height = spec.rows.length + spec.spareRows;
  // Every data cell may get a format or a dropdown: ExcelJS holds each as an object.
  if (width * (height + 1) > FILE_LIMITS.copyCells)
    throw new AppError("file.too-many-cells", {
      file: `${worksheetName(spec.name)}.xlsx`,
      cells: FILE_LIMITS.copyCells,
      limit: FILE_LIMITS.copyCells,
    });
  sheet.columns = spec.headers.map((header, column) => {
    const longest = Math.max(header.length, ...spec.rows.slice(0, 500).map((r) => String(r[column] ?? "").length));
    // CJK characters are about two columns wide.
    return { width: Math.min(40, Math.max(8, Math.ceil(longest * 1.8) + 2)) };
  });
  if (spec.title) {
    const title = sheet.getCell(1, 1);
    title.value = spec.title;
    title.font = { bold: true };
  }
  const header = sheet.getRow(head);
  header.values = spec.headers;
  header.font = { bold: true };
  const text = new Set(spec.textColumns);
  spec.rows.forEach((values, index) => {
    const row = sheet.getRow(index + head + 1);
    for (let c = 0; c < width; c++) {
      const value = values[c];
      if (value === null || value === undefined || value === "") continue;
      const cell = row.getCell(c + 1);
      // A date from the record is a real date, as Excel mode's addSheet leaves it (Excel parses what it is given).
      const date = text.has(c) ? null : excelDate(value);
      cell.value = date ?? value;
      if (date) cell.numFmt = DATE_FORMAT;
    }
  });
  // Text format on every data row (spare ones too), so 学号 and 身份证号 are kept as typed.
  for (const column of spec.textColumns.filter((c) => c < width)) {
    for (let r = head + 1; r <= height + head; r++) sheet.getCell(r, column + 1).numFmt = "@";
  }
  for (const { column, values } of spec.dropdowns.filter((d) => d.column < width)) {
    const validation = { type: "list" as const, allowBlank: true, formulae: [`"${values.join(",")}"`], showErrorMessage: false };
    // One per cell (ExcelJS's typed API); its writer squeezes alike cells back into one range.
    for (let r = head + 1; r <= height + head; r++) sheet.getCell(r, column + 1).dataValidation = validation;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
