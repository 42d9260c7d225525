import { extname } from "node:path";
import type { GridRow } from "@xueji/shared";
import ExcelJS from "exceljs";

export interface CopySource {
  /** The original file's bytes and name (its extension says .xlsx or .csv). */
  bytes: Buffer;
  fileName: string;
  /** The worksheet the reader checked (`report.sheet`). */
  sheet: string;
  /** The grid as read, used to rebuild a CSV as a workbook (a CSV has nowhere to keep fills, notes or formats). */
  grid: readonly GridRow[];
}

/**
 * The secretary's workbook as ExcelJS reads it, and the checked worksheet in it, for the copies
 * the server writes (annotated, corrected): every cell not touched afterwards — values, formats,
 * fills, merged title rows, other sheets — is written back as it was read. A CSV becomes a
 * workbook with one sheet whose text cells are formatted as text (no digits lost when opened).
 */
export async function openCopy(source: CopySource): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  if (extname(source.fileName).toLowerCase() === ".csv") {
    const sheet = workbook.addWorksheet(source.sheet === "CSV" ? "Sheet1" : source.sheet);
    for (const row of source.grid) {
      row.cells.forEach((cell, index) => {
        if (!cell || cell.value === null) return;
        const target = sheet.getCell(row.row, index + 1);
        target.value = cell.value;
        if (cell.type === "string") target.numFmt = "@";
      });
    }
    return { workbook, sheet };
  }
  await workbook.xlsx.load(source.bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(source.sheet) ?? (workbook.worksheets[0] as ExcelJS.Worksheet);
  return { workbook, sheet };
}

/**
 * ExcelJS shares one style object among cells with the same style: give a cell its own before
 * changing its fill or format, or every cell that shared the style would change too.
 */
export function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = structuredClone(cell.style);
}
