import ExcelJS from "exceljs";

/**
 * An .xlsx in which every cell is text (number format “@”), so an ID number, an exam number or a
 * major code with a leading zero arrives exactly as stored; values that Excel would read as a
 * formula (= + - @ at the start) are quoted, so an export cannot carry formula injection.
 */
export function safeText(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export async function writeTextWorkbook(
  sheetName: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  title?: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "学籍 Xueji";
  const ws = wb.addWorksheet(sheetName);
  if (title) {
    ws.addRow([title]).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, header.length);
  }
  ws.addRow([...header]).font = { bold: true };
  for (const row of rows) ws.addRow(row.map(safeText));
  ws.columns.forEach((column) => {
    column.numFmt = "@";
    column.width = 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
