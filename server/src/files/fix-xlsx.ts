import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { AppError, DATE_FORMAT, type GridRow, MAX_GRID_ROWS, TEXT_FORMAT } from "@xueji/shared";
import ExcelJS from "exceljs";
import { z } from "zod";
import { MAX_CELL_TEXT, textInput } from "../inputs/inputs";
import { type CopySource, excelDate, openCopy, ownStyle } from "./workbook-copy";

/**
 * The cells 一键修正 writes, as the pane sends them (`planFixes` in @xueji/shared made them, and
 * the secretary saw them). Only the two formats a fix ever sets are taken: text and the date.
 */
export const cellWritesInput = z
  .array(
    z
      .object({
        row: z.number().int().min(1).max(1_048_576),
        // A to XFD, Excel's last column (a cell beyond it makes a file Excel calls damaged).
        column: z
          .string()
          .regex(/^[A-Z]{1,3}$/)
          .refine((c) => c.length < 3 || c <= "XFD"),
        value: z.union([textInput(MAX_CELL_TEXT), z.number().finite()]),
        format: z.enum([TEXT_FORMAT, DATE_FORMAT]).optional(),
      })
      .strip(),
  )
  .min(1)
  .max(MAX_GRID_ROWS);

export type CellWrites = z.infer<typeof cellWritesInput>;

export interface CorrectedCopy {
  file: Buffer;
  /** Cells written. */
  written: number;
  /**
   * Cells left alone because they hold a formula (e.g. 姓名 looked up from another sheet): writing
   * the value would replace the formula, so the secretary fixes its source herself.
   */
  formulas: string[];
}

/**
 * The corrected copy (the pane's file mode, `xueji validate --fix`): the secretary's workbook with
 * each fix written into its cell — text format first for IDs, a real date for a text date — and
 * every other cell, sheet, merged title row, formula and format exactly as read. A CSV comes back
 * as a workbook (a CSV cannot keep an ID column as text). A workbook holding what the copy cannot
 * keep (charts, pivot tables, macros …) is refused rather than returned without them.
 */
export async function correctWorkbook(source: CopySource, writes: CellWrites): Promise<CorrectedCopy> {
  const { workbook, sheet, lost } = await openCopy(source);
  if (lost.length) throw new AppError("file.copy-would-lose", { file: basename(source.fileName), features: lost.join(",") });
  const formulas: string[] = [];
  let written = 0;
  for (const write of writes) {
    const cell = sheet.getCell(`${write.column}${write.row}`);
    if (cell.type === ExcelJS.ValueType.Formula) {
      formulas.push(cell.address);
      continue;
    }
    ownStyle(cell);
    if (write.format) cell.numFmt = write.format;
    cell.value = (write.format === DATE_FORMAT ? excelDate(write.value) : null) ?? write.value;
    written++;
  }
  return { file: Buffer.from(await workbook.xlsx.writeBuffer()), written, formulas };
}

/** `xueji validate FILE --fix OUT.xlsx`: the same corrected copy, from a file on disk. */
export async function correctFile(path: string, sheet: string, grid: readonly GridRow[], writes: CellWrites): Promise<CorrectedCopy> {
  return correctWorkbook({ bytes: await readFile(path), fileName: path, sheet, grid }, writes);
}
