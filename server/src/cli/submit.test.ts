import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xueji } from "../../test/run-xueji";
import { makeWorld, type World } from "../../test/world";
import { sheetSubmissions } from "../db/schema";

async function writeRoster(file: string, rows: Array<[string, string, string]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("在校生");
  ws.addRow(["2025年在校生学年电子注册信息核对表"]);
  ws.addRow(["学号", "姓名", "注册状态"]);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe("xueji submit against a running server", () => {
  let w: World;
  let server: string;
  let stop: () => void;
  let dir: string;
  beforeAll(async () => {
    w = await makeWorld("pglite");
    await w.insertStudents(
      Array.from({ length: 30 }, (_, i) => ({
        studentNo: `20250100${String(i).padStart(2, "0")}`,
        name: `学生${"甲乙丙丁戊己庚辛壬癸"[i % 10]}`,
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2025,
      })),
    );
    ({ base: server, close: stop } = await w.serve());
    dir = await mkdtemp(join(tmpdir(), "xueji-submit-"));
    for (let f = 0; f < 3; f++) {
      await writeRoster(
        join(dir, `roster-${f}.xlsx`),
        Array.from({ length: 10 }, (_, i) => [
          `20250100${String(f * 10 + i).padStart(2, "0")}`,
          `学生${"甲乙丙丁戊己庚辛壬癸"[i]}`,
          "已注册",
        ]),
      );
    }
    await writeRoster(join(dir, "wrong-college.xlsx"), [["2099999999", "某某", "已注册"]]);
    // Issue: an ID column headed “号码”, which the reader does not recognise; the second number's check digit is wrong.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("在校生");
    ws.addRow(["2025年在校生学年电子注册信息核对表"]);
    ws.addRow(["学号", "姓名", "注册状态", "号码"]);
    ws.addRow(["2025010020", "学生甲", "已注册", "11010519491231002X"]);
    ws.addRow(["2025010021", "学生乙", "已注册", "110105194912310021"]);
    await wb.xlsx.writeFile(join(dir, "id-as-haoma.xlsx"));
  }, 60_000);
  afterAll(async () => {
    stop();
    await w.database.close();
  });

  const token = () => w.tokens.get("secretary-a") as string;
  const files = (...names: string[]) => names.map((n) => join(dir, n));

  it("submits a folder of sheets, prints a summary, and submits nothing twice when run again", async () => {
    const args = [
      "submit",
      ...files("roster-0.xlsx", "roster-1.xlsx", "roster-2.xlsx"),
      "--term",
      "2025-2026-1",
      "--server",
      server,
      "--token",
      token(),
    ];
    const first = await xueji(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("共 3 个文件，成功 3 个，失败 0 个。");
    for (const name of ["roster-0.xlsx", "roster-1.xlsx", "roster-2.xlsx"])
      expect(first.stdout).toMatch(new RegExp(`^${name} .*已提交$`, "m"));
    const again = await xueji(args);
    expect(again.code).toBe(0);
    expect(again.stdout.split("已提交过（未重复写入）").length - 1).toBe(3);
    expect(await w.db.select({ n: count() }).from(sheetSubmissions)).toEqual([{ n: 3 }]);
  });

  it("exits non-zero and says why when a sheet fails", async () => {
    const result = await xueji([
      "submit",
      ...files("roster-0.xlsx", "wrong-college.xlsx"),
      "--term",
      "2025-2026-1",
      "--server",
      server,
      "--token",
      token(),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("失败：核对表还有 1 个错误（涉及 1 行）");
    expect(result.stdout).toContain("共 2 个文件，成功 1 个，失败 1 个。");
  });

  it("--columns reaches the server: the same file with its ID column mapped is another submission, checked by the mapping", async () => {
    const args = ["submit", ...files("id-as-haoma.xlsx"), "--term", "2025-2026-2", "--server", server, "--token", token()];
    // Read with the header's guess, “号码” is not checked and the sheet goes in.
    const guessed = await xueji(args);
    expect(guessed).toMatchObject({ code: 0, stdout: expect.stringMatching(/^id-as-haoma\.xlsx .*已提交$/m) });
    // Mapped by hand to 身份证号, the server reads it as one and refuses the wrong check digit.
    const mapped = await xueji([...args, "--columns", "D=身份证号"]);
    expect(mapped.code).toBe(1);
    // (The record check adds its own word on the two ID numbers the record does not hold.)
    expect(mapped.stdout).toMatch(/^id-as-haoma\.xlsx +失败：核对表还有 \d+ 个错误/m);
    // A bad mapping never reaches the server.
    const bad = await xueji([...args, "--columns", "D=籍贯"]);
    expect(bad).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("“D=籍贯”所选的字段不存在") });
  });

  it("validates and submits a 300-column sheet: the reader and the server share one column limit", async () => {
    // Before, the server took 256 columns and the reader 16,384: this sheet passed validate and failed on submit.
    const file = join(dir, "wide.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("在校生");
    const extra = Array.from({ length: 297 }, (_, i) => `备注${i + 1}`);
    ws.addRow(["学号", "姓名", "注册状态", ...extra]);
    ws.addRow(["2025010021", "学生乙", "已注册", ...extra.map((_, i) => `说明${i + 1}`)]);
    await wb.xlsx.writeFile(file);
    expect(ws.getRow(2).cellCount).toBe(300);
    const validated = await xueji(["validate", file, "--json"]);
    expect(validated.code).toBe(0);
    expect(JSON.parse(validated.stdout)).toMatchObject({ sheet: "在校生", kind: "roster-returning" });
    const submitted = await xueji(["submit", file, "--term", "2025-2026-1", "--server", server, "--token", token()]);
    expect(submitted.stdout).toContain("共 1 个文件，成功 1 个，失败 0 个。");
    expect(submitted.code).toBe(0);
  });

  it("says plainly when there is no token or no server", async () => {
    const noToken = await xueji(["submit", ...files("roster-0.xlsx"), "--term", "2025-2026-1", "--server", server], { XUEJI_HOME: dir });
    expect(noToken).toMatchObject({ code: 2, stderr: expect.stringContaining("请先运行 xueji login") });
    const badToken = await xueji(["submit", ...files("roster-0.xlsx"), "--term", "2025-2026-1", "--server", server, "--token", "nope"]);
    expect(badToken).toMatchObject({ code: 1, stdout: expect.stringContaining("请先登录") });
  });

  it("logs in and keeps the token for submit", async () => {
    const home = await mkdtemp(join(tmpdir(), "xueji-home-"));
    const env = { XUEJI_HOME: home, XUEJI_PASSWORD: "correct horse battery" };
    expect(await xueji(["login", "--user", "secretary-a", "--server", server], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("已登录"),
    });
    const result = await xueji(["submit", ...files("roster-1.xlsx"), "--term", "2025-2026-1", "--server", server], env);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining("已提交过（未重复写入）") });
  });
});
