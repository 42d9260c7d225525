import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { AppError } from "@xueji/shared";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseColumnsOption } from "./columns-option";

const run = promisify(execFile);
const main = join(import.meta.dirname, "main.ts");

async function xueji(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", main, ...args], { env: { ...process.env, XUEJI_LANG: "" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function refusal(text: string, locale: "zh-CN" | "en" = "zh-CN"): string {
  try {
    parseColumnsOption(text, locale);
  } catch (error) {
    if (error instanceof AppError) return error.userMessage(locale);
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe("--columns", () => {
  it("takes a field's Chinese header, a header spelling the reader knows, or its key; - and 不检查 for not checked", () => {
    expect(parseColumnsOption("F=身份证号,G=-", "zh-CN")).toEqual({ F: "idNumber", G: null });
    expect(parseColumnsOption(" f = idNumber ，h=不检查, I=学生姓名", "zh-CN")).toEqual({ F: "idNumber", H: null, I: "name" });
    expect(parseColumnsOption("AA=none", "en")).toEqual({ AA: null });
  });

  it("refuses what the server refuses, in the same words, naming the entry as typed", () => {
    expect(refusal("F=籍贯")).toBe("用法错误：“F=籍贯”所选的字段不存在");
    expect(refusal("1=姓名")).toBe("用法错误：“1=姓名”不是工作表中的列（列应写作 A、B … 这样的列字母）");
    expect(refusal("F=身份证号,G=idNumber")).toBe("用法错误：“G=idNumber”所选的字段已指定给另一列，一个字段只能对应一列");
    expect(refusal("F=籍贯", "en")).toBe("Usage error: “F=籍贯” names a field that does not exist");
    expect(refusal("F身份证号")).toContain("应写作“列字母=字段”");
    expect(refusal("F=姓名,f=学号")).toContain("给了 F 列两次");
  });
});

describe("xueji validate --columns on a real .xlsx whose ID column header is not recognised", () => {
  let file: string;
  beforeAll(async () => {
    file = join(await mkdtemp(join(tmpdir(), "xueji-columns-")), "在校生-号码.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("在校生");
    ws.addRow(["2025年在校生学年电子注册信息核对表"]);
    // “号码” is no header the reader knows: without a mapping the ID numbers go unchecked.
    ws.addRow(["学号", "姓名", "注册状态", "号码", "备注"]);
    ws.addRow(["2025010001", "张三", "已注册", "11010519491231002X", ""]);
    ws.addRow(["2025010002", "李四", "已注册", "110105194912310021", "ABC"]);
    await wb.xlsx.writeFile(file);
  });

  it("checks the column as 身份证号 when told, and leaves a column out with -", async () => {
    const guessed = await xueji("validate", file, "--json");
    expect(guessed.code).toBe(0);
    expect(JSON.parse(guessed.stdout).columns.map((c: { column: string }) => c.column)).toEqual(["A", "B", "C"]);

    const mapped = await xueji("validate", file, "--json", "--columns", "D=身份证号,E=-");
    expect(mapped.code).toBe(1);
    const report = JSON.parse(mapped.stdout);
    expect(report.kind).toBe("roster-returning");
    expect(report.columns).toContainEqual({ field: "idNumber", header: "号码", column: "D" });
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 4, column: "D", field: "idNumber", severity: "error" }));
    expect(report.issues.filter((i: { column: string }) => i.column === "D")).toHaveLength(1);

    // The key works as well as the header, and the annotated copy marks the cell the mapping found.
    const out = join(file, "..", "标注.xlsx");
    const annotated = await xueji("validate", file, "--columns", "D=idNumber", "--annotate", out);
    expect(annotated.code).toBe(1);
    expect(annotated.stdout).toMatch(/第 4 行 D 列/);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    expect(JSON.stringify(copy.getWorksheet("在校生")?.getCell("D4").note)).toContain("学籍核对");
  });

  it("exits 2 with the localised reason for a mapping it cannot use", async () => {
    const bad = await xueji("validate", file, "--columns", "D=籍贯");
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr.trim()).toBe("用法错误：“D=籍贯”所选的字段不存在");
    const en = await xueji("validate", file, "--lang", "en", "--columns", "D=idNumber,E=idNumber");
    expect(en.stderr.trim()).toBe(
      "Usage error: “E=idNumber” names a field already given to another column; a field can have only one column",
    );
  });
});
