import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GridRow } from "@xueji/shared";
import { afterAll, describe, expect, it } from "vitest";
import { readWorksheets } from "./read-grid";
import { craftXlsx, sheetXml } from "./testing/craft-zip";
import { isDateFormat } from "./workbook-parts";

const dir = mkdtempSync(join(tmpdir(), "xueji-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rowsOf(file: string): Promise<Array<{ sheet: string; rows: GridRow[] }>> {
  const out: Array<{ sheet: string; rows: GridRow[] }> = [];
  for await (const sheet of readWorksheets(file)) {
    const rows: GridRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    out.push({ sheet: sheet.name, rows });
  }
  return out;
}

const STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;

describe("reading .xlsx parts", () => {
  it("tells date formats from number formats", () => {
    expect(["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "[$-804]yyyy/m/d", "h:mm"].map(isDateFormat)).toEqual([true, true, true, true]);
    expect(["0", "0.00", "@", "General", '"第"0"名"', "#,##0", undefined].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("reads a 1904-date workbook's dates as the same days, and leaves its plain numbers alone", async () => {
    const file = join(dir, "mac-1904.xlsx");
    const cells = `<c r="A1" s="1"><v>37011</v></c><c r="B1" s="2"><v>37011</v></c><c r="C1"><v>37011</v></c>`;
    const workbook = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    writeFileSync(
      file,
      craftXlsx({
        sheets: [{ name: "名单", xml: sheetXml([cells]) }],
        override: [
          { name: "xl/workbook.xml", data: Buffer.from(workbook) },
          { name: "xl/styles.xml", data: Buffer.from(STYLES) },
        ],
      }),
    );
    const [sheet] = await rowsOf(file);
    // 37011 in the 1904 system is 2005-05-02, which is 38473 in the 1900 system.
    expect(sheet?.rows[0]?.cells.map((c) => c?.value)).toEqual([38473, 38473, 37011]);
  });

  it("keeps the tab order and names of the workbook, not the part files' order", async () => {
    const file = join(dir, "order.xlsx");
    const workbook = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="在校生学籍核对" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    writeFileSync(
      file,
      craftXlsx({
        sheets: [
          { name: "说明", xml: sheetXml([`<c r="A1" t="inlineStr"><is><t>说明</t></is></c>`]) },
          {
            name: "在校生学籍核对",
            xml: sheetXml([`<c r="A1" t="inlineStr"><is><r><t>学</t></r><r><t>号</t></r><rPh><t>がく</t></rPh></is></c>`]),
          },
        ],
        override: [{ name: "xl/workbook.xml", data: Buffer.from(workbook) }],
      }),
    );
    const sheets = await rowsOf(file);
    expect(sheets.map((s) => s.sheet)).toEqual(["在校生学籍核对", "说明"]);
    expect(sheets[0]?.rows[0]?.cells[0]?.value).toBe("学号");
  });
});
