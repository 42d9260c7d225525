import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AGE_LIMIT_SOURCE, DEFAULT_AGE_LIMITS } from "@xueji/shared";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { xueji } from "../../../test/run-xueji";
import { makeWorld, type World } from "../../../test/world";
import { students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { callFiles, formOf } from "../../files/testing/file-calls";
import { settingSchemas } from "../settings/setting-schemas";

const ROSTER_HEADER = ["学号", "姓名", "身份证号", "注册状态"];
// A 继续教育 student born in 1960: 66 on the test's day, a student within the default 12–80.
const OLD_STUDENT = { studentNo: "2025010077", name: "老学员", birthDate: "1960-05-01", gender: "1" as const };

describe("核对规则 pinned to the seed", () => {
  it("cites seed 003 第十五条 “学历注册信息包括：姓名、性别、出生日期、照片” and defaults to 12–80", () => {
    expect(AGE_LIMIT_SOURCE).toContain("学历注册信息包括：姓名、性别、出生日期、照片");
    expect(DEFAULT_AGE_LIMITS).toEqual({ min: 12, max: 80 });
    const kind = settingSchemas("zh-CN").find((k) => k.kind === "check-rules");
    if (!kind) throw new Error("no check-rules kind");
    const ages = (kind.schema.properties as Record<string, { title: string; properties: Record<string, { title: string }> }>).ageLimits;
    expect([kind.title, ages?.title, ages?.properties.min?.title, ages?.properties.max?.title]).toEqual([
      "核对规则",
      "学生年龄范围",
      "最小年龄（岁）",
      "最大年龄（岁）",
    ]);
  });
});

describe.each(TEST_ENGINES)("the students' age range as a published setting on %s", (engine) => {
  let w: World;
  let idNumber: string;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([{ ...OLD_STUDENT, collegeId: w.collegeA, majorId: w.majorA, grade: 2025 }]);
    const [row] = await w.db.select({ id: students.idNumber }).from(students).where(eq(students.studentNo, OLD_STUDENT.studentNo));
    idNumber = row?.id as string;
  }, 60_000);
  afterAll(() => w.database.close());

  const validate = async () =>
    (await w.as("secretary-a")).sheets.validate({
      termCode: "2026-2027-1",
      grid: gridOf([ROSTER_HEADER, [OLD_STUDENT.studentNo, OLD_STUDENT.name, idNumber, "已注册"]]),
    });

  it("refuses a maximum not above the minimum, at the maximum's field, in the reader's language", async () => {
    const leader = await w.as("registrar-leader");
    const value = { ageLimits: { min: 30, max: 30 } };
    const zh = await leader.settings.publish({
      kind: "check-rules",
      key: "default",
      validFrom: "2026-2027",
      value,
      reason: "检查年龄范围",
      locale: "zh-CN",
    });
    expect(zh).toEqual({ status: "invalid", issues: [{ path: ["ageLimits", "max"], message: "应大于最小值（30）。" }] });
    const en = await leader.settings.check({ kind: "check-rules", key: "default", value, locale: "en" });
    expect(en).toEqual({ ok: false, issues: [{ path: ["ageLimits", "max"], message: "Must be greater than the minimum (30)." }] });
  });

  it("a published maximum of 30 makes a 1960 birth date an error in the next validation, and says which rules the CLI would use", async () => {
    expect((await validate()).issues.filter((i) => i.severity === "error")).toEqual([]);
    const secretary = await w.as("secretary-a");
    expect(await secretary.sheets.checkRules({ academicYear: "2026-2027" })).toEqual({
      academicYear: "2026-2027",
      version: 0,
      ageLimits: { min: 12, max: 80 },
    });
    const published = await (await w.as("registrar-leader")).settings.publish({
      kind: "check-rules",
      key: "default",
      validFrom: "2026-2027",
      value: { ageLimits: { min: 15, max: 30 } },
      reason: "全日制本科：学生年龄 15–30 岁",
    });
    expect(published).toMatchObject({ status: "published", version: 1 });
    const after = await validate();
    expect(after.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([[2, "C", "age.out-of-range", "error"]]);
    expect(after.issues[0]?.message).toContain("不在学生年龄的合理范围（15–30 岁）内");
    expect(await secretary.sheets.checkRules({ academicYear: "2026-2027" })).toMatchObject({ version: 1, ageLimits: { min: 15, max: 30 } });
    // The year before keeps the rules it had.
    expect(await secretary.sheets.checkRules({ academicYear: "2025-2026" })).toMatchObject({ version: 0, ageLimits: { min: 12, max: 80 } });
  });
});

describe("xueji validate holds a sheet to the server's 核对规则 when signed in, to the defaults offline", () => {
  let w: World;
  let server: string;
  let stop: () => void;
  let file: string;
  let home: string;
  beforeAll(async () => {
    w = await makeWorld("pglite");
    await w.insertStudents([{ ...OLD_STUDENT, collegeId: w.collegeA, majorId: w.majorA, grade: 2025 }]);
    const [row] = await w.db.select({ id: students.idNumber }).from(students).where(eq(students.studentNo, OLD_STUDENT.studentNo));
    const dir = await mkdtemp(join(tmpdir(), "xueji-rules-"));
    home = await mkdtemp(join(tmpdir(), "xueji-home-"));
    file = join(dir, "roster.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("在校生学年电子注册信息核对表");
    ws.addRow(ROSTER_HEADER);
    ws.addRow([OLD_STUDENT.studentNo, OLD_STUDENT.name, row?.id as string, "已注册"]);
    await wb.xlsx.writeFile(file);
    // From long ago, so it is in force whatever today's academic year is when the test runs.
    await (await w.as("registrar-leader")).settings.publish({
      kind: "check-rules",
      key: "default",
      validFrom: "2020-2021",
      value: { ageLimits: { min: 15, max: 30 } },
      reason: "学生年龄 15–30 岁",
    });
    ({ base: server, close: stop } = await w.serve());
  }, 60_000);
  afterAll(async () => {
    stop();
    await w.database.close();
  });

  it("offline: the built-in 12–80, and says so", async () => {
    const result = await xueji(["validate", file], { XUEJI_HOME: home });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("核对规则：未连接服务器，使用内置默认（学生年龄 12–80 岁）");
  });

  it("signed in: the published 15–30, so the 1960 birth date is an error", async () => {
    const result = await xueji(["validate", file, "--server", server, "--token", w.tokens.get("secretary-a") as string], {
      XUEJI_HOME: home,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`核对规则：取自服务器 ${server}`);
    expect(result.stderr).toContain("第 1 版），学生年龄 15–30 岁");
    expect(result.stdout).toContain("不在学生年龄的合理范围（15–30 岁）内");
  });

  it("the add-in's file mode (files.check) is held to the published range too", async () => {
    const form = formOf({ file: new Uint8Array(await readFile(file)), name: "roster.xlsx" });
    const response = await callFiles<{ report: { issues: Array<{ code: string; message: string }> } }>(server, "check", form, {
      authorization: `Bearer ${w.tokens.get("secretary-a")}`,
    });
    expect(response.status).toBe(200);
    const { report } = response.data;
    expect(report.issues.map((i) => i.code)).toEqual(["age.out-of-range"]);
    expect(report.issues[0]?.message).toContain("（15–30 岁）");
  });

  it("a server that cannot be asked: the defaults, and why", async () => {
    const result = await xueji(["validate", file, "--server", server, "--token", "nope", "--lang", "en"], { XUEJI_HOME: home });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Check rules: could not be read from .*built-in defaults \(student ages 12–80\)/);
  });
});
