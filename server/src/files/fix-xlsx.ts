import { readFile } from "node:fs/promises";
import { DATE_FORMAT, type GridRow, TEXT_FORMAT } from "@xueji/shared";
import { z } from "zod";
import { MAX_CELL_TEXT, MAX_ROWS, textInput } from "../routers/inputs";
import { type CopySource, openCopy, ownStyle } from "./workbook-copy";

/**
 * The cells 一键修正 writes, as the pane sends them (`planFixes` in @xueji/shared made them, and
 * the secretary saw them). Only the two formats a fix ever sets are taken: text and the date.
 */
export const cellWritesInput = z
  .array(
    z
      .object({
        row: z.number().int().min(1).max(1_048_576),
        column: z.string().regex(/^[A-Z]{1,3}$/),
        value: z.union([textInput(MAX_CELL_TEXT), z.number().finite()]),
        format: z.enum([TEXT_FORMAT, DATE_FORMAT]).optional(),
      })
      .strip(),
  )
  .min(1)
  .max(MAX_ROWS);

export type CellWrites = z.infer<typeof cellWritesInput>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The corrected copy (the pane's file mode, `xueji validate --fix`): the secretary's workbook with
 * each fix written into its cell — text format first for IDs, a real date for a text date — and
 * every other cell, sheet, merged title row and format exactly as read. A CSV comes back as a
 * workbook (a CSV cannot keep an ID column as text).
 */
export async function correctWorkbook(source: CopySource, writes: CellWrites): Promise<Buffer> {
  const { workbook, sheet } = await openCopy(source);
  for (const write of writes) {
    const cell = sheet.getCell(`${write.column}${write.row}`);
    ownStyle(cell);
    if (write.format) cell.numFmt = write.format;
    const date = write.format === DATE_FORMAT && typeof write.value === "string" ? ISO_DATE.exec(write.value) : null;
    // ExcelJS stores a Date as Excel's day number (UTC midnight: no time-zone shift of the day).
    cell.value = date ? new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))) : write.value;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `xueji validate FILE --fix OUT.xlsx`: the same corrected copy, from a file on disk. */
export async function correctFile(path: string, sheet: string, grid: readonly GridRow[], writes: CellWrites): Promise<Buffer> {
  return correctWorkbook({ bytes: await readFile(path), fileName: path, sheet, grid }, writes);
}
