import { mkdtemp, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xueji } from "../../test/run-xueji";
import { makeWorld, type World } from "../../test/world";
import { colleges, students, users } from "../db/schema";
import { makeIdNumber } from "../db/seed-basics";

async function sheet(file: string, rows: Array<Array<string | number>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名单");
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe("xueji import against a running server", () => {
  let w: World;
  let server: string;
  let stop: () => void;
  let dir: string;
  const as = (user: string) => ({ XUEJI_TOKEN: w.tokens.get(user) as string, XUEJI_SERVER: server });
  beforeAll(async () => {
    w = await makeWorld("pglite");
    ({ base: server, close: stop } = await w.serve());
    dir = await mkdtemp(join(tmpdir(), "xueji-import-"));
    const header = ["XH", "XM", "XB", "CSRQ", "SFZH", "MZ", "ZYDM", "ZYMC", "CC", "XZ", "FY"];
    await sheet(join(dir, "students.xlsx"), [
      header,
      [
        "2024010001",
        "陈一",
        "男",
        "20060101",
        makeIdNumber("2006-01-01", "1", 1),
        "汉族",
        "080901",
        "计算机科学与技术",
        "本科",
        "4",
        "信息工程学院",
      ],
    ]);
    await sheet(join(dir, "bad.xlsx"), [
      header,
      ["2024010002", "陈二", "男", "20060101", makeIdNumber("2006-01-01", "1", 2), "汉族", "999999", "不存在", "本科", "4", "信息工程学院"],
    ]);
    await sheet(join(dir, "users.xlsx"), [
      ["用户名", "姓名", "角色", "学院"],
      ["sec-new", "新秘书", "教学秘书", "信息工程学院"],
    ]);
  }, 60_000);
  afterAll(async () => {
    stop();
    await w.database.close();
  });

  it("dry-runs (exit 0, nothing written), then imports; a file with errors exits 1 and writes nothing", { timeout: 120_000 }, async () => {
    const dry = await xueji([
      "import",
      "students",
      join(dir, "students.xlsx"),
      "--dry-run",
      "--token",
      w.tokens.get("registrar") as string,
      "--server",
      server,
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("新增 1");
    expect(await w.db.$count(students)).toBe(0);
    const done = await xueji([
      "import",
      "students",
      join(dir, "students.xlsx"),
      "--token",
      w.tokens.get("registrar") as string,
      "--server",
      server,
    ]);
    expect(done.code, done.stderr).toBe(0);
    expect(await w.db.$count(students)).toBe(1);
    const bad = await xueji([
      "import",
      "students",
      join(dir, "bad.xlsx"),
      "--json",
      "--token",
      w.tokens.get("registrar") as string,
      "--server",
      server,
    ]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).report.issues[0]).toMatchObject({ code: "import.unknown-major", row: 2, column: "G" });
    expect(await w.db.$count(students)).toBe(1);
  });

  it("imports the organisation: a dry run writes nothing, the confirm writes it, again changes nothing", { timeout: 120_000 }, async () => {
    const file = join(dir, "学院.csv");
    await writeFile(file, "学院代码,学院名称\n01,信息工程学院\n03,机械工程学院\n");
    const dry = await xueji(["import", "org", file, "--dry-run"], as("registrar"));
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("新增 1，更新 0，不变 1");
    expect(dry.stdout).toContain("试导入");
    expect(await w.db.$count(colleges)).toBe(2);
    const done = await xueji(["import", "org", file], as("registrar"));
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("已导入组织机构");
    expect(await w.db.$count(colleges)).toBe(3);
    const again = await xueji(["import", "org", file, "--json"], as("registrar"));
    expect(JSON.parse(again.stdout).counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
  });

  it("imports accounts: passwords to an .xlsx, flagged temporary; a registrar may not", { timeout: 120_000 }, async () => {
    const refused = await xueji([
      "import",
      "users",
      join(dir, "users.xlsx"),
      "--token",
      w.tokens.get("registrar") as string,
      "--server",
      server,
    ]);
    expect(refused.code).toBe(2);
    const out = join(dir, "密码.xlsx");
    const done = await xueji([
      "import",
      "users",
      join(dir, "users.xlsx"),
      "--out",
      out,
      "--token",
      w.tokens.get("admin") as string,
      "--server",
      server,
    ]);
    expect(done.code, done.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.worksheets[0]?.getRow(2).getCell(1).value)).toBe("sec-new");
    const [u] = await w.db.select().from(users).where(eq(users.username, "sec-new"));
    expect(u?.mustChangePassword).toBe(true);
  });

  it("exports the whole record with xueji export", { timeout: 120_000 }, async () => {
    const out = join(dir, "档案.xlsx");
    const done = await xueji(["export", "--out", out, "--token", w.tokens.get("registrar") as string, "--server", server]);
    expect(done.code, done.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]?.name).toBe("学生");
    expect(String(wb.worksheets[0]?.getRow(2).getCell(1).value)).toBe("2024010001");
  });

  it("refuses a 200 MB upload before reading it (413), in the reader's language", { timeout: 120_000 }, async () => {
    const big = join(dir, "big.csv");
    await writeFile(big, Buffer.alloc(200 * 1024 * 1024, 0x41));
    const cli = await xueji(["import", "results", big, "--token", w.tokens.get("registrar") as string, "--server", server]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("160");
    // Over HTTP: the declared length alone is refused, before a byte of the body is read.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server}/api/imports/preview?kind=results&name=big.csv`, {
        method: "POST",
        headers: { authorization: `Bearer ${w.tokens.get("registrar")}`, "content-length": String(200 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
  });
});
