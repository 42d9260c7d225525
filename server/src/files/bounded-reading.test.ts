import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { xueji as run, type XuejiResult } from "../../test/run-xueji";
import { craftXlsx, sheetXml, textCellXml } from "./testing/craft-zip";

// Every file below is crafted here and given to `xueji validate`, which must answer with a clear
// message and the right exit code (2: unusable file), never a stack. (The memory the process grows to
// is bounded-memory.test.ts's, with a process of its own.)
const dir = mkdtempSync(join(tmpdir(), "xueji-bounded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const xueji = (...args: string[]): Promise<XuejiResult> => run(args);

function file(name: string, content: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function expectRefused(result: { code: number; stdout: string; stderr: string }, ...fragments: string[]): void {
  expect(result.code).toBe(2);
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
  expect(result.stderr).not.toMatch(/\n\s+at |意外错误|unexpected/i);
}

const HEADER = ["学号", "姓名", "注册状态"];
const header = (withReferences: boolean) =>
  HEADER.map((h, i) => textCellXml(h, withReferences ? `${String.fromCharCode(65 + i)}1` : undefined)).join("");

/** A shared-strings part holding one string of `size` bytes of “啊”-free ASCII. */
function hugeSharedString(size: number): Buffer {
  const head = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`,
  );
  const tail = Buffer.from("</t></si></sst>");
  return Buffer.concat([head, Buffer.alloc(size, "a"), tail]);
}

describe("xueji validate refuses what is not a regular file", () => {
  it("names a folder as a folder", async () => {
    const folder = join(dir, "各学院.xlsx");
    mkdirSync(folder);
    expectRefused(await xueji("validate", folder), "是一个文件夹");
  });

  it("refuses /dev/zero, even named as a CSV, at once instead of reading forever", async () => {
    const link = join(dir, "zero.csv");
    symlinkSync("/dev/zero", link);
    expectRefused(await xueji("validate", link), "不是普通文件");
    expectRefused(await xueji("validate", "/dev/zero"), "不是普通文件");
  });

  it("refuses a FIFO without waiting for a writer", async () => {
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    expectRefused(await xueji("validate", fifo), "不是普通文件");
  });
});

describe("xueji validate bounds every .xlsx part", () => {
  it("refuses a zip bomb: one 200 MB shared string in a small file, by its declared size", async () => {
    const bomb = file(
      "zipbomb-sharedstring.xlsx",
      craftXlsx({
        sheets: [{ name: "名单", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`]) }],
        sharedStrings: hugeSharedString(200 * 1024 * 1024),
      }),
    );
    expectRefused(await xueji("validate", bomb), "xl/sharedStrings.xml", "超过 64 MB", "压缩炸弹");
  });

  it("counts bytes while inflating, so a header that understates the size does not get through", async () => {
    const data = hugeSharedString(100 * 1024 * 1024);
    const lying = file(
      "lying-header.xlsx",
      craftXlsx({
        sheets: [{ name: "名单", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`]) }],
        override: [{ name: "xl/sharedStrings.xml", data, declaredSize: 2048 }],
      }),
    );
    expectRefused(await xueji("validate", lying), "xl/sharedStrings.xml", "声明的大小（2048 字节）不符");
  });

  it("refuses a header that overstates the size too (the part ends early)", async () => {
    const xml = sheetXml([header(true)]);
    const lying = file(
      "overstated.xlsx",
      craftXlsx({
        sheets: [{ name: "名单", xml }],
        override: [{ name: "xl/worksheets/sheet1.xml", data: Buffer.from(xml), declaredSize: xml.length + 10 }],
      }),
    );
    expectRefused(await xueji("validate", lying), "xl/worksheets/sheet1.xml", "声明的大小");
  });

  it("refuses a single cell text longer than Excel allows, inside a part of allowed size", async () => {
    const long = file(
      "long-string.xlsx",
      craftXlsx({
        sheets: [{ name: "名单", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`]) }],
        sharedStrings: hugeSharedString(40 * 1024 * 1024),
      }),
    );
    expectRefused(await xueji("validate", long), "xl/sharedStrings.xml", "连续文本");
    const inline = file(
      "long-inline.xlsx",
      craftXlsx({ sheets: [{ name: "名单", xml: sheetXml([textCellXml("甲".repeat(40_000), "A1")]) }] }),
    );
    expectRefused(await xueji("validate", inline), "工作表“名单”第 1 行", "32767 个字符");
  });

  it("refuses a DOCTYPE in any part: XXE in a worksheet, billion laughs in the shared strings", async () => {
    const xxe = file(
      "xxe.xlsx",
      craftXlsx({
        sheets: [
          {
            name: "名单",
            xml: `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`,
          },
        ],
      }),
    );
    const result = await xueji("validate", xxe);
    expectRefused(result, "xl/worksheets/sheet1.xml", "DOCTYPE", "没有展开任何实体");
    expect(result.stdout + result.stderr).not.toContain("root:");

    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    const laughs = file(
      "billion-laughs.xlsx",
      craftXlsx({
        sheets: [{ name: "名单", xml: sheetXml([`<c r="A1" t="s"><v>0</v></c>`]) }],
        sharedStrings: `<?xml version="1.0"?><!DOCTYPE sst [${entities.join("")}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`,
      }),
    );
    expectRefused(await xueji("validate", laughs), "xl/sharedStrings.xml", "DOCTYPE");
  });

  it("says “more than 16384 columns” for 20,000 columns, with or without cell references", async () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => `<c><v>${i}</v></c>`).join("");
    const wide = file("wide.xlsx", craftXlsx({ sheets: [{ name: "宽表", xml: sheetXml([cells]) }] }));
    expectRefused(await xueji("validate", wide), "工作表“宽表”第 1 行超过 16384 列", "XFD");
    const pastXfd = file("past-xfd.xlsx", craftXlsx({ sheets: [{ name: "宽表", xml: sheetXml([`<c r="XFE1"><v>1</v></c>`]) }] }));
    const result = await xueji("validate", pastXfd, "--lang", "en");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("more than 16384 columns");
    expect(result.stderr).not.toContain("Invalid column letter");
  });

  it("reads cells and rows without the optional r attribute by their order", async () => {
    const rows = [
      header(false),
      ["2025010101", "张三", "已注册"].map((v) => textCellXml(v)).join(""),
      // An empty cell written as <c/> still takes its place.
      [textCellXml("2025010102"), "<c/>", textCellXml("已注册")].join(""),
    ];
    const noRefs = file("no-r.xlsx", craftXlsx({ sheets: [{ name: "在校生学籍核对", xml: sheetXml(rows, { rowNumbers: false }) }] }));
    const result = await xueji("validate", noRefs, "--json");
    // Nothing but the line saying which 核对规则 were used (offline here: the built-in defaults).
    expect(result.stderr.replace(/^核对规则：.*\n/, "")).toBe("");
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ sheet: "在校生学籍核对", kind: "roster-returning", headerRow: 1, dataRows: 2 });
    expect(report.columns.map((c: { column: string }) => c.column)).toEqual(["A", "B", "C"]);
    expect(report.issues).toEqual([expect.objectContaining({ row: 3, column: "B", field: "name", code: "field.required" })]);
    expect(result.code).toBe(1);
  });
});

describe("xueji validate reads CSV within bounds", () => {
  const text = "学号,姓名,注册状态\r\n2025010101,张三,已注册\r\n";

  it("names UTF-16 (little-endian with a BOM, big-endian without) instead of “no header found”", async () => {
    const le = file("utf16le.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expectRefused(await xueji("validate", le), "文件是 UTF-16 编码（UTF-16LE）", "请另存为 UTF-8 或 GB18030");
    const be = Buffer.from(text, "utf16le").swap16();
    expectRefused(await xueji("validate", file("utf16be.csv", be)), "文件是 UTF-16 编码（UTF-16BE）");
  });

  it("refuses a cell longer than Excel allows and a line that never ends", async () => {
    expectRefused(
      await xueji("validate", file("long-cell.csv", `学号,姓名\n1,${"x".repeat(40_000)}\n`)),
      "工作表“long-cell”第 2 行",
      "32767 个字符",
    );
    expectRefused(
      await xueji("validate", file("one-line.csv", Array(200).fill("x".repeat(30_000)).join(","))),
      "第 1 行超过",
      "不是正常的表格行",
    );
  });
});
