import type { GridRow } from "@xueji/shared";
import ExcelJS from "exceljs";
import { cellFromExcelJs } from "./cell-from-exceljs";

export interface WorksheetRows {
  name: string;
  rows: AsyncIterable<GridRow>;
}

/**
 * Streams an .xlsx worksheet by worksheet, row by row, so a 50,000-row roster never sits in memory
 * as a workbook. Only values are read (`row.values`); number formats are not needed because ExcelJS
 * already turns date-formatted numbers into dates, which we turn back into serials.
 */
export async function* readXlsx(path: string): AsyncGenerator<WorksheetRows> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "ignore",
  });
  for await (const worksheet of workbook) {
    const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    yield { name: sheet.name, rows: rowsOf(sheet) };
  }
}

async function* rowsOf(sheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<GridRow> {
  for await (const row of sheet) {
    const values = row.values as unknown[];
    // row.values is 1-based: index 0 is always empty.
    const cells = new Array(Math.max(0, values.length - 1));
    for (let i = 1; i < values.length; i++) cells[i - 1] = cellFromExcelJs(values[i]);
    yield { row: row.number, cells };
  }
}
