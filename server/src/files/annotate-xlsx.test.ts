import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SEVERITY_FILL } from "@xueji/theme/severity";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { xueji } from "../../test/run-xueji";
import { toReport } from "../validate/validate-file";
import { annotateFile, argbOf } from "./annotate-xlsx";
import { readSheetGrid } from "./read-sheet-grid";

const fixtures = join(import.meta.dirname, "../../fixtures");
const TODAY = "2026-11-23";

async function annotated(name: string) {
  const path = join(fixtures, name);
  const read = await readSheetGrid(path, { today: TODAY });
  const report = toReport(path, read.sheet, read.local, "zh-CN");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await annotateFile(path, report, read.rows, "zh-CN")) as unknown as ArrayBuffer);
  return { book, report };
}

describe("the annotated copy", () => {
  it("fills each problem cell with its worst severity, notes every message, lists every issue, and leaves the rest alone", async () => {
    const { book, report } = await annotated("roster-new-messy.xlsx");
    const sheet = book.getWorksheet(report.sheet) as ExcelJS.Worksheet;
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(join(fixtures, "roster-new-messy.xlsx"));
    const before = original.getWorksheet(report.sheet) as ExcelJS.Worksheet;
    const atCell = report.issues.filter((i) => i.row !== null && i.column !== null);
    for (const issue of atCell) {
      const cell = sheet.getCell(`${issue.column}${issue.row}`);
      expect(String(cell.note)).toContain(issue.message);
      const worst = atCell.filter((i) => i.column === issue.column && i.row === issue.row).map((i) => i.severity);
      const expected = worst.includes("error") ? "error" : worst.includes("warning") ? "warning" : "info";
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argbOf(SEVERITY_FILL[expected]));
    }
    const flagged = new Set(atCell.map((i) => `${i.column}${i.row}`));
    before.eachRow((row) =>
      row.eachCell((cell) => {
        if (flagged.has(cell.address)) return;
        expect(sheet.getCell(cell.address).value).toEqual(cell.value);
        expect(sheet.getCell(cell.address).style).toEqual(cell.style);
        expect(sheet.getCell(cell.address).note).toBeUndefined();
      }),
    );
    const results = book.getWorksheet("检查结果") as ExcelJS.Worksheet;
    expect(results.getRow(1).values).toContain("严重程度");
    expect(results.rowCount).toBe(report.issues.length + 1);
    expect(results.getRow(2).getCell(5).value).toBe(report.issues[0]?.message);
  });

  it("turns a CSV into a workbook whose text cells stay text", async () => {
    const { book, report } = await annotated("roster-returning-gbk.csv");
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const issue = report.issues.find((i) => i.row !== null && i.column !== null) as { row: number; column: string; message: string };
    expect(String(sheet.getCell(`${issue.column}${issue.row}`).note)).toContain(issue.message);
    const studentNo = report.columns.find((c) => c.field === "studentNo") as { column: string };
    const first = sheet.getCell(`${studentNo.column}${(report.headerRow as number) + 1}`);
    expect(typeof first.value).toBe("string");
    expect(first.numFmt).toBe("@");
  });

  it("is what `xueji validate FILE --annotate OUT.xlsx` writes", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "xueji-annotate-")), "copy.xlsx");
    const { code } = await xueji(["validate", join(fixtures, "graduates.xlsx"), "--annotate", out]);
    expect(code).toBe(1); // the sheet has errors
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const { report } = await annotated("graduates.xlsx");
    const results = book.getWorksheet("检查结果") as ExcelJS.Worksheet;
    expect(results.rowCount).toBe(report.issues.length + 1);
    expect(results.getColumn(5).values.slice(2)).toEqual(report.issues.map((i) => i.message));
  });
});
