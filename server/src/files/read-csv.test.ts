import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GridRow } from "@xueji/shared";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { detectCsvEncoding, readCsv } from "./read-csv";

const dir = mkdtempSync(join(tmpdir(), "xueji-read-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function rows(path: string, maxRows?: number): Promise<GridRow[]> {
  const out: GridRow[] = [];
  for await (const row of readCsv(path, maxRows)) out.push(row);
  return out;
}

const values = (read: GridRow[]) => read.map((r) => r.cells.map((c) => c?.value));

// A 备注 typed with Alt+Enter in Excel is a quoted cell with a line break; an address holds commas and quotes.
const ROSTER = [
  "学号,姓名,备注",
  '2025010101,张三,"第一行\r\n第二行"',
  '2025010102,"李四,小名""四儿""","湖南省长沙市,岳麓区"',
  "2025010103,,",
].join("\r\n");

describe("reading a CSV as Chinese Excel saves it", () => {
  it("keeps quoted line breaks, commas and doubled quotes inside their cell (UTF-8 with a BOM)", async () => {
    const path = file("roster-utf8.csv", `\uFEFF${ROSTER}\r\n`);
    expect(await detectCsvEncoding(path)).toBe("utf-8");
    const read = await rows(path);
    expect(read.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(values(read)).toEqual([
      ["学号", "姓名", "备注"],
      ["2025010101", "张三", "第一行\r\n第二行"],
      ["2025010102", '李四,小名"四儿"', "湖南省长沙市,岳麓区"],
      ["2025010103", undefined, undefined],
    ]);
  });

  it("reads the same rows from a GB18030 file (Excel on a Chinese Windows), quoted line breaks and all", async () => {
    const path = file("roster-gb18030.csv", iconv.encode(`${ROSTER}\r\n`, "gb18030"));
    expect(await detectCsvEncoding(path)).toBe("gb18030");
    expect(values(await rows(path))).toEqual(values(await rows(file("again-utf8.csv", ROSTER))));
  });

  it("refuses a quote the file never closes, and a row past the row limit", async () => {
    await expect(rows(file("open-quote.csv", '学号,备注\n1,"没有闭合\n2,x\n'))).rejects.toMatchObject({
      code: "file.csv-quote-not-closed",
      params: { row: 2 },
    });
    await expect(rows(file("three-rows.csv", "a\nb\nc\n"), 2)).rejects.toMatchObject({ code: "file.too-many-rows" });
  });
});
