import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planFixes } from "@xueji/shared";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { xueji } from "../../test/run-xueji";
import { TODAY } from "../../test/world";
import { readSheetGrid } from "./read-sheet-grid";

const fixtures = join(import.meta.dirname, "../../fixtures");

async function planOf(path: string) {
  const read = await readSheetGrid(path, { today: TODAY });
  return { read, ...planFixes(read.rows, read.local.issues, read.local.rows, read.local.columns) };
}

describe("xueji validate FILE --fix OUT.xlsx", () => {
  it("writes the pane's safe fixes into a copy that then has none left, and still reports the original", async () => {
    const source = join(fixtures, "roster-new-messy.xlsx");
    const out = join(mkdtempSync(join(tmpdir(), "xueji-fix-")), "fixed.xlsx");
    const result = await xueji(["validate", source, "--fix", out, "--json"]);
    const { safe, read } = await planOf(source);
    expect(safe.length).toBeGreaterThan(10);
    expect(result.stderr).toContain(`已修正 ${safe.length} 处，写出 ${out}`);
    expect(JSON.parse(result.stdout).issues.length).toBe(read.local.issues.length); // the report is the original's
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet(read.sheet) as ExcelJS.Worksheet;
    for (const f of safe.filter((x) => x.reason !== "text-date")) expect(sheet.getCell(`${f.column}${f.row}`).value).toBe(f.value);
    const again = await planOf(out);
    expect(again.safe).toEqual([]);
    expect(again.read.local.issues.length).toBeLessThan(read.local.issues.length);
  });
});
