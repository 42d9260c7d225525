import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { xueji as run, xuejiProcess } from "../../test/run-xueji";

const fixture = (name: string) => join(import.meta.dirname, "../../fixtures", name);

/** Runs `xueji` (in this process, its output captured), returning the exit code and both streams. */
const xueji = (...args: string[]) => run(args);

describe("xueji as a process", () => {
  it("gives the shell its exit status: 1 for a sheet with errors, 2 for bad usage, 0 for --help", async () => {
    const errors = await xuejiProcess(["validate", fixture("roster-new-messy.xlsx"), "--json"]);
    expect(errors.code).toBe(1);
    expect(JSON.parse(errors.stdout).issues.length).toBeGreaterThan(0);
    expect(await xuejiProcess(["validate", "--bogus"])).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("--bogus") });
    expect(await xuejiProcess(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("退出码") });
  });

  it("never reads a password from a pipe: without XUEJI_PASSWORD and a terminal, login is bad usage", async () => {
    // execFile gives the child a pipe for stdin, as a script or a cron job would.
    const piped = await xuejiProcess(["login", "--user", "secretary-a", "--server", "http://127.0.0.1:9"]);
    expect(piped).toMatchObject({ code: 2, stderr: expect.stringContaining("请设置 XUEJI_PASSWORD，或在终端中运行以输入密码") });
  });
});

describe("xueji validate", () => {
  it("prints only the JSON document with --json and exits 1 when the sheet has errors", async () => {
    const { code, stdout } = await xueji("validate", fixture("roster-new-messy.xlsx"), "--json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(["file", "sheet", "kind", "headerRow", "dataRows", "columns", "issues"]);
    expect(report.issues[0]).toEqual({
      row: 5,
      column: "F",
      field: "idNumber",
      code: "id.precision-lost",
      severity: "error",
      message: expect.stringContaining("4.30103E+17"),
    });
  });

  it("exits 0 for a sheet with warnings and notes only, and prints a Chinese report", async () => {
    const { code, stdout } = await xueji("validate", fixture("failed-courses.xlsx"));
    expect(code).toBe(0);
    expect(stdout).toContain("类型：不及格课程信息核对表；表头在第 3 行，数据 13 行");
    expect(stdout).toContain("2023020105  2025-2026 学年");
    expect(stdout).toContain("学年累计 36 学分 → 退学");
  });

  it("adds standing to the JSON of a failed-course sheet", async () => {
    const { stdout } = await xueji("validate", fixture("failed-courses.xlsx"), "--json", "--kind", "failed-courses");
    const report = JSON.parse(stdout);
    expect(report.standing[3]).toEqual({
      studentNo: "2023020104",
      academicYear: "2025-2026",
      terms: [
        { term: "2025-2026-1", failedCredits: 14, outcome: "warning-1" },
        { term: "2025-2026-2", failedCredits: 14, outcome: "warning-1" },
      ],
      yearFailedCredits: 28,
      yearOutcome: "repeat",
      repeatCreditsNotCounted: 0,
    });
  });

  it("speaks English when asked", async () => {
    const { stdout } = await xueji("validate", fixture("dismissal.xlsx"), "--lang", "en");
    expect(stdout).toContain("Row 6 col E  [error] Reason is required.");
  });

  it("exits 2 with a clear message, never a stack, when the file cannot be read", async () => {
    for (const [file, text] of [
      ["not-a-workbook.xlsx", "文件已损坏，或不是真正的 Excel 工作簿"],
      ["no-such-file.xlsx", "找不到文件"],
      ["make-fixtures.ts", "不支持的文件类型“.ts”"],
    ]) {
      const { code, stdout, stderr } = await xueji("validate", fixture(file as string), "--json");
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(text);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("keeps the zip reader's words out of the message, and shows them only with XUEJI_DEBUG=1", async () => {
    const file = fixture("not-a-workbook.xlsx");
    const plain = await xueji("validate", file);
    expect(plain.code).toBe(2);
    // (After the line saying which 核对规则 were used: offline here, the built-in defaults.)
    expect(plain.stderr.replace(/^核对规则：.*\n/, "")).toBe(
      `无法读取“${file}”：文件已损坏，或不是真正的 Excel 工作簿（例如只改了扩展名）。请在 Excel 中打开它，另存为 .xlsx 后重试。\n`,
    );
    const debug = await run(["validate", file], { XUEJI_DEBUG: "1" });
    expect(debug.stderr.startsWith(plain.stderr)).toBe(true);
    expect(debug.stderr.slice(plain.stderr.length)).toMatch(/central directory|signature/i);
  });

  it("exits 2 on bad usage", async () => {
    expect(await xueji("validate", fixture("dismissal.xlsx"), "--kind", "roster")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("未知的核对表类型“roster”"),
    });
    expect(await xueji("validate")).toMatchObject({ code: 2, stderr: expect.stringContaining("用法错误") });
    expect(await xueji("frobnicate")).toMatchObject({ code: 2 });
    expect(await xueji("validate", "--bogus")).toMatchObject({
      code: 2,
      stderr: "用法错误：没有选项“--bogus”。运行 xueji --help 查看可用的选项。\n",
    });
    expect(await xueji("validate", "x.xlsx", "--kind")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("选项“--kind”的写法不对"),
    });
    expect(await xueji("validate", "--bogus", "--lang", "en")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Usage error: there is no option “--bogus”/),
    });
    expect(await xueji("--help")).toMatchObject({ code: 0, stdout: expect.stringContaining("退出码") });
  });

  it("refuses a language it does not have, in both languages, as bad usage", async () => {
    const { code, stdout, stderr } = await xueji("validate", fixture("dismissal.xlsx"), "--lang", "xx");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "用法错误：不支持语言“xx”（--lang 或 XUEJI_LANG），可选：zh-CN, en。\n" +
        "Usage error: language “xx” is not supported (--lang or XUEJI_LANG); choose one of: zh-CN, en.\n",
    );
    expect(await xueji("validate", fixture("failed-courses.xlsx"), "--lang", "en")).toMatchObject({ code: 0 });
  });

  it("names the output it cannot write and why, in the reader's language, instead of an unexpected error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "xueji-out-"));
    const missing = join(dir, "没有这个文件夹", "检查结果.xlsx");
    const zh = await xueji("validate", fixture("roster-new-messy.xlsx"), "--annotate", missing);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`无法写入文件“${missing}”：所在的文件夹不存在。`);
    expect(zh.stderr).not.toContain("意外错误");
    const en = await xueji("validate", fixture("roster-new-messy.xlsx"), "--fix", dir, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`Cannot write the file “${dir}”: it is a folder.`);
    const manifest = await xueji("manifest", "--url", "https://xueji.example.edu.cn", "--out", missing);
    expect(manifest).toMatchObject({ code: 2, stderr: expect.stringContaining(`无法写入文件“${missing}”`) });
  });

  it("runs the demo that pnpm start shows, over every sample sheet", async () => {
    const { code, stdout } = await xueji("demo");
    expect(code).toBe(0);
    for (const name of ["roster-new-messy.xlsx", "failed-courses.xlsx", "graduates.xlsx", "roster-returning-gbk.csv", "dismissal.xlsx"]) {
      expect(stdout).toContain(`文件：${name}`);
    }
    expect(stdout).toContain("学年累计 36 学分 → 退学");
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
