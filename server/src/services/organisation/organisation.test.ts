import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError, CN_HOLIDAYS, type Role } from "@xueji/shared";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../../context";
import { type Database, migrationsFolder } from "../../db/client";
import { auditEvents } from "../../db/schema";
import { insertStudents, insertUser } from "../../db/seed-basics";
import { openTestDatabase, TEST_ENGINES } from "../../db/test-database";
import { createCaller } from "../../router";
import { hashPassword } from "../auth/password";
import { createSession } from "../auth/sessions";
import { auditRulesInForce } from "../graduation/audit-rules-in-force";
import { SETTING_KINDS } from "../settings/setting-kinds";
import { saveSetting } from "../settings/settings-store";
import { schoolRecord } from "./school";

const TODAY = "2026-12-06";

/** What the reader is told when a call is refused (the message the HTTP layer sends, in Chinese). */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof AppError ? cause.userMessage("zh-CN") : String(error);
  }
  return "(not refused)";
}

/** An organisation workbook as a registrar would make it: one sheet per entity, a title row above the header. */
async function workbook(sheets: Record<string, Array<Array<string | number | Date>>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const SHEET = {
  学院: [["滨江大学学院一览"], ["学院代码", "学院名称"], ["01", "信息工程学院"], ["02", "外国语学院"]],
  专业: [
    ["专业代码", "专业名称", "所属学院", "层次", "学制", "学习形式", "毕业学分", "学位门类"],
    ["080901", "计算机科学与技术", "01", "本科", 4, "普通全日制", 160, "工学"],
    ["050201", "英语", "外国语学院", "本科", 4, "全日制", 155, "文学"],
    ["510201", "计算机应用技术", "信息工程学院", "专科", 3, "", 120, ""],
  ],
  班级: [
    ["班级名称", "专业代码", "年级"],
    ["计科2026-1班", "080901", 2026],
  ],
  学期: [
    ["学期", "开始日期", "结束日期"],
    ["2026-2027-1", new Date(Date.UTC(2026, 8, 1)), "2027-01-17"],
    ["2026-2027学年第二学期", "2027/2/22", "2027-07-10"],
  ],
};

describe.each(TEST_ENGINES)("the organisation and the calendar on %s", (engine) => {
  let database: Database;
  const tokens = new Map<string, string>();
  const as = async (username: string) =>
    createCaller(
      await createContextInner({
        db: database.db,
        engine,
        token: tokens.get(username) ?? null,
        today: () => TODAY,
        requestId: `t-${username}`,
      }),
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const passwordHash = await hashPassword("correct horse battery");
    for (const [username, role] of [
      ["admin", "admin"],
      ["registrar", "registrar-staff"],
      ["leader", "school-leader"],
    ] as Array<[string, Role]>) {
      const id = await insertUser(database.db, { username, displayName: username, role, collegeId: null, passwordHash });
      tokens.set(username, (await createSession(database.db, id)).token);
    }
  }, 60_000);
  afterAll(() => database.close());

  it("on an empty database: no colleges, the academic year by the calendar rule, and every set-up item missing", async () => {
    const admin = await as("admin");
    const reference = await admin.reference.all();
    expect(reference).toMatchObject({ colleges: [], majors: [], terms: [], currentTerm: null, academicYear: "2026-2027" });
    const setup = await admin.organisation.setup();
    expect(setup.complete).toBe(false);
    expect(setup.items.filter((i) => !i.done).map((i) => i.item)).toEqual([
      "school",
      "organisation",
      "terms",
      "holidays",
      "registrar-calendar",
      "secretaries",
      "record",
    ]);
  });

  it("refuses a school leader, and a school code that is not 5 digits, in Chinese", async () => {
    expect(await refusal((await as("leader")).organisation.list())).toMatch("没有执行此操作的权限");
    expect(await refusal((await as("admin")).organisation.saveSchool({ name: "滨江大学", code: "1234", presidentName: "周明远" }))).toMatch(
      "学校代码须为 5 位数字",
    );
  });

  it("the school record is what certificates print, over the setting's old certificate block", async () => {
    const admin = await as("admin");
    expect((await auditRulesInForce(database.db, "2027-06-30")).certificate.schoolCode).toBe("");
    await admin.organisation.saveSchool({ name: "滨江大学", code: "12345", presidentName: "周明远" });
    const cert = (await auditRulesInForce(database.db, "2027-06-30")).certificate;
    expect(cert).toMatchObject({ schoolName: "滨江大学", schoolCode: "12345", presidentName: "周明远", schoolType: "1" });
    expect((await admin.organisation.list()).school).toEqual({ name: "滨江大学", code: "12345", presidentName: "周明远" });
  });

  it("creates a college, major, class and term by hand; refuses duplicates, unknown colleges, reversed and overlapping dates", async () => {
    const registrar = await as("registrar");
    const { id: college } = await registrar.organisation.createCollege({ code: "09", name: "音乐学院" });
    expect(await refusal(registrar.organisation.createCollege({ code: "09", name: "美术学院" }))).toMatch("学院代码“09”已被“音乐学院”使用");
    expect(await refusal(registrar.organisation.createCollege({ code: "10", name: "音乐学院" }))).toMatch("学院名称“音乐学院”已存在");
    const major = { code: "130202", name: "音乐学", level: "05", duration: 4, studyForm: "1", requiredCredits: 160, degreeCategory: "13" };
    expect(await refusal(registrar.organisation.createMajor({ ...major, collegeId: 99999 }))).toMatch("没有代码或名称为“99999”的学院");
    const { id: majorId } = await registrar.organisation.createMajor({ ...major, collegeId: college });
    expect(await refusal(registrar.organisation.createMajor({ ...major, collegeId: college }))).toMatch("专业代码“130202”已被“音乐学”使用");
    expect(await refusal(registrar.organisation.createMajor({ ...major, code: "13020", collegeId: college }))).toMatch(
      "专业代码须为 6 位数字",
    );
    await registrar.organisation.createClass({ name: "音乐2025-1班", majorId, grade: 2025 });
    expect(
      await refusal(registrar.organisation.createTerm({ code: "2025-2026-2", startDate: "2026-07-10", endDate: "2026-02-23" })),
    ).toMatch("最后一天（2026-02-23）早于第一天（2026-07-10）");
    await registrar.organisation.createTerm({ code: "2025-2026-2", startDate: "2026-02-23", endDate: "2026-07-10" });
    expect(
      await refusal(registrar.organisation.createTerm({ code: "2025-2026-3", startDate: "2026-07-01", endDate: "2026-07-31" })),
    ).toMatch("与学期 2025-2026-2（2026-02-23 至 2026-07-10）的日期重叠");
    const events = await database.db.select({ action: auditEvents.action }).from(auditEvents);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["college.create", "major.create", "class.create", "term.create"]));
  });

  it("deletes what nothing names; retires what something does, and the 新建用户 list leaves it out", async () => {
    const registrar = await as("registrar");
    const { id: spare } = await registrar.organisation.createCollege({ code: "98", name: "临时学院" });
    await registrar.organisation.delete({ target: { entity: "college", id: spare } });
    const music = (await registrar.organisation.list()).colleges.find((c) => c.name === "音乐学院");
    expect(await refusal(registrar.organisation.delete({ target: { entity: "college", id: music?.id as number } }))).toMatch(
      "学院“音乐学院”已被其他记录引用，不能删除；可以停用它",
    );
    await registrar.organisation.setRetired({ target: { entity: "college", id: music?.id as number }, retired: true });
    const reference = await registrar.reference.all();
    expect(reference.colleges).toEqual([expect.objectContaining({ name: "音乐学院", retired: true })]);
    await registrar.organisation.setRetired({ target: { entity: "college", id: music?.id as number }, retired: false });
  });

  it("imports the organisation workbook: a dry run says what, the confirm writes it, and the same file again changes nothing", async () => {
    const registrar = await as("registrar");
    const bytes = await workbook(SHEET);
    const file = { fileName: "组织机构.xlsx", base64: bytes.toString("base64") };
    const dry = await registrar.organisation.import({ ...file, dryRun: true });
    expect(dry.problems).toEqual([]);
    expect(dry.counts).toEqual({ create: 8, update: 0, unchanged: 0, problems: 0 });
    expect((await registrar.organisation.list()).colleges).toHaveLength(1);
    const before = (await database.db.select().from(auditEvents)).length;
    const done = await registrar.organisation.import({ ...file, dryRun: false });
    expect(done.applied).toBe(true);
    expect((await database.db.select().from(auditEvents)).length).toBe(before + 1);
    const org = await registrar.organisation.list();
    expect(org.majors.find((m) => m.code === "050201")).toMatchObject({
      level: "05",
      studyForm: "1",
      requiredCredits: 155,
      degreeCategory: "05",
    });
    expect(org.terms.map((t) => [t.code, t.startDate, t.endDate])).toEqual([
      ["2025-2026-2", "2026-02-23", "2026-07-10"],
      ["2026-2027-1", "2026-09-01", "2027-01-17"],
      ["2026-2027-2", "2027-02-22", "2027-07-10"],
    ]);
    const again = await registrar.organisation.import({ ...file, dryRun: false });
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 8, problems: 0 });
    expect(again.applied).toBe(false);
    // The term containing today says the year (2026-12-06 is in 2026-2027-1).
    expect(await registrar.reference.all()).toMatchObject({ academicYear: "2026-2027", currentTerm: "2026-2027-1" });
  });

  it("a changed name is an update field by field; errors are at their cells and nothing is written", async () => {
    const registrar = await as("registrar");
    const changed = await workbook({
      学院: [
        ["学院代码", "学院名称"],
        ["01", "信息与计算机工程学院"],
      ],
    });
    const dry = await registrar.organisation.import({ fileName: "学院.xlsx", base64: changed.toString("base64"), dryRun: true });
    expect(dry.changes).toEqual([
      expect.objectContaining({
        action: "update",
        key: "01",
        fields: [{ field: "name", before: "信息工程学院", after: "信息与计算机工程学院" }],
      }),
    ]);
    const bad = await workbook({
      专业: [
        ["专业代码", "专业名称", "所属学院", "层次", "学制", "毕业学分"],
        ["120203K", "会计学", "商学院", "本科", 4, 160],
      ],
      学期: [
        ["学期", "开始日期", "结束日期"],
        ["2027-2028-1", "2028-01-20", "2027-09-01"],
      ],
    });
    const refused = await registrar.organisation.import({ fileName: "错误.xlsx", base64: bad.toString("base64"), dryRun: false });
    expect(refused.applied).toBe(false);
    expect(refused.problems.map((p) => [p.sheet, p.row, p.column, p.message["zh-CN"]])).toEqual([
      ["专业", 2, "C", "没有代码或名称为“商学院”的学院（或该学院已停用）。"],
      ["学期", 2, "C", "最后一天（2027-09-01）早于第一天（2028-01-20）。"],
    ]);
    expect((await registrar.organisation.list()).majors.some((m) => m.code === "120203K")).toBe(false);
  });

  it("reads a CSV named after its sheet, and the checklist fills in as the year is set up", async () => {
    const registrar = await as("registrar");
    const csv = Buffer.from("学院代码,学院名称\n03,数学与统计学院\n", "utf8");
    const report = await registrar.organisation.import({ fileName: "学院.csv", base64: csv.toString("base64"), dryRun: false });
    expect(report.counts.create).toBe(1);
    const admin = await as("admin");
    await saveSetting(database.db, {
      actor: { userId: null, role: "registrar-leader", requestId: "t" },
      kind: "holidays",
      key: "cn",
      validFrom: "2026-2027",
      value: { ...CN_HOLIDAYS, years: [...(CN_HOLIDAYS.years ?? []), 2027] },
      reason: "国务院办公厅通知",
    });
    const org = await admin.organisation.list();
    const major = org.majors[0] as (typeof org.majors)[number];
    await insertStudents(database.db, [
      { studentNo: "2026000001", name: "张三", collegeId: major.collegeId, majorId: major.id, grade: 2026 },
    ]);
    const setup = await admin.organisation.setup();
    expect(setup.academicYear).toBe("2026-2027");
    expect(Object.fromEntries(setup.items.map((i) => [i.item, i.done]))).toMatchObject({
      school: true,
      organisation: true,
      terms: true,
      holidays: true,
      "registrar-calendar": false,
      secretaries: false,
      record: false,
    });
    expect(setup.items.find((i) => i.item === "secretaries")?.message["zh-CN"]).toContain("信息工程学院");
  });
});

describe.each(TEST_ENGINES)("an existing database's school on %s", (engine) => {
  it("migration 0019 makes the school record from the newest graduation-audit setting, so certificates read the same school", async () => {
    const database = await openTestDatabase(engine);
    try {
      const rules = SETTING_KINDS["graduation-audit"].default();
      const actor = { userId: null, role: "registrar-leader" as const, requestId: "t" };
      for (const [validFrom, schoolCode] of [
        ["2024-2025", "11111"],
        ["2025-2026", "19999"],
      ] as const)
        await saveSetting(database.db, {
          actor,
          kind: "graduation-audit",
          key: "default",
          validFrom,
          value: { ...rules, certificate: { ...rules.certificate, schoolName: "滨江理工大学", schoolCode, presidentName: "周明远" } },
          reason: "证书信息",
        });
      // The migration ran on the empty database already; run its statement again as it runs on one that had the setting.
      await database.db.execute(sql.raw(readFileSync(join(migrationsFolder, "0019_school_from_certificate_setting.sql"), "utf8")));
      expect(await schoolRecord(database.db)).toEqual({ name: "滨江理工大学", code: "19999", presidentName: "周明远" });
    } finally {
      await database.close();
    }
  });
});
