import { TRPCError } from "@trpc/server";
import { AppError, formatError } from "@xueji/shared";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, TODAY, type World } from "../../../test/world";
import { resultRows } from "../../db/client";
import { auditEvents, courseResults, imports, statusChanges, students, users } from "../../db/schema";
import { makeIdNumber } from "../../db/seed-basics";
import { TEST_ENGINES } from "../../db/test-database";
import { verifyPassword } from "../auth/password";
import { registrationExport } from "../exports/registration-export";
import { failedCoursesOf } from "./plan-results";
import { commitImport, DRY_RUN_HOURS, forgetStaleDryRuns, listImports, previewImport } from "./run-import";

async function xlsx(rows: Array<Array<string | number | null>>, title?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  if (title) sheet.addRow([title]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const OLD_HEADER = [
  "学号",
  "姓名",
  "性别",
  "出生日期",
  "身份证号",
  "民族",
  "政治面貌",
  "专业代码",
  "专业名称",
  "学院",
  "班级",
  "年级",
  "层次",
  "学制",
  "学习形式",
  "入学日期",
  "学籍状态",
];
const id1 = makeIdNumber("2005-03-14", "1", 1);
const id2 = makeIdNumber("2005-07-02", "2", 2);
const id3 = makeIdNumber("2006-01-20", "1", 3);
const row = (no: string, name: string, gender: string, birth: string, id: string, extra: Partial<Record<string, string>> = {}) => [
  no,
  name,
  gender,
  birth,
  id,
  "汉族",
  extra.political ?? "共青团员",
  "080901",
  "计算机科学与技术",
  extra.college ?? "信息工程学院",
  extra.className ?? "计科2301",
  "2023",
  "本科",
  "4",
  "普通全日制",
  "2023-09-01",
  extra.status ?? "在读",
];

describe.each(TEST_ENGINES)("importing the record on %s", { timeout: 120_000 }, (engine) => {
  let w: World;
  let registrar: { userId: number; role: "registrar-staff"; requestId: string };
  let admin: { userId: number; role: "admin"; requestId: string };
  const preview = (kind: "students" | "admissions" | "results" | "users", bytes: Buffer, fileName = "学籍.xlsx", pattern?: string) =>
    previewImport(w.db, kind === "users" ? admin : registrar, { kind, fileName, bytes, options: pattern ? { pattern } : {}, today: TODAY });
  const commit = (id: number) => commitImport(w.db, registrar, { id, today: TODAY });

  beforeAll(async () => {
    w = await makeWorld(engine);
    const userId = async (name: string) =>
      ((await w.db.select({ id: users.id }).from(users).where(eq(users.username, name)))[0] as { id: number }).id;
    registrar = { userId: await userId("registrar"), role: "registrar-staff", requestId: "test-import" };
    admin = { userId: await userId("admin"), role: "admin", requestId: "test-import" };
  }, 120_000);
  afterAll(() => w.database.close());

  it("previews an old system's sheet under a title row, writes nothing, then commits it with one audit event", async () => {
    const file = await xlsx(
      [OLD_HEADER, row("2023010001", "张三", "男", "2005-03-14", id1), row("2023010002", "李四", "女", "2005-07-02", id2)],
      "信息工程学院2023级学生名册",
    );
    const before = await w.db.$count(students);
    const { id, report } = await preview("students", file);
    expect(report).toMatchObject({ rows: 2, create: 2, update: 0, unchanged: 0, errors: 0, newClasses: ["计科2301"] });
    expect(report.issues.find((i) => i.code === "import.class-created")).toMatchObject({ row: 3, column: "K" });
    expect(await w.db.$count(students)).toBe(before);
    const events = await w.db.$count(auditEvents);
    const done = await commit(id);
    expect(done.report.create).toBe(2);
    expect(await w.db.$count(students)).toBe(before + 2);
    expect(await w.db.$count(auditEvents)).toBe(events + 1);
    const [s] = await w.db.select().from(students).where(eq(students.studentNo, "2023010002"));
    expect(s).toMatchObject({
      name: "李四",
      gender: "2",
      ethnicity: "01",
      politicalStatus: "03",
      level: "05",
      status: "enrolled",
      grade: 2023,
      pinyinInitials: "ls",
    });
    expect(s?.classId).not.toBeNull();
    // Confirming the same import again writes nothing.
    await expect(commit(id)).rejects.toMatchObject({ code: "import.already-committed" });
  });

  it("imports the same file twice without change; a later file updates only what differs, with per-field history", async () => {
    const same = await xlsx([
      OLD_HEADER,
      row("2023010001", "张三", "男", "2005-03-14", id1),
      row("2023010002", "李四", "女", "2005-07-02", id2),
    ]);
    const again = await preview("students", same);
    expect(again.report).toMatchObject({ create: 0, update: 0, unchanged: 2, errors: 0 });
    await commit(again.id);
    // A later file: 张三 joined the party; 李四 is not in it and is left alone.
    const later = await xlsx([OLD_HEADER, row("2023010001", "张三", "男", "2005-03-14", id1, { political: "中共党员" })]);
    const { id, report } = await preview("students", later);
    expect(report).toMatchObject({ create: 0, update: 1, unchanged: 0 });
    expect(report.changes[0]).toMatchObject({
      key: "2023010001",
      action: "update",
      fields: [{ field: "politicalStatus", before: "共青团员", after: "中共党员" }],
    });
    await commit(id);
    const [s] = await w.db.select().from(students).where(eq(students.studentNo, "2023010001"));
    expect(s?.politicalStatus).toBe("01");
    const history = await w.db
      .select()
      .from(statusChanges)
      .where(eq(statusChanges.studentId, s?.id as number));
    expect(history.map((h) => [h.field, h.before, h.after, h.importId])).toContainEqual(["politicalStatus", "共青团员", "中共党员", id]);
    const list = await listImports(w.db, { limit: 10 });
    expect(list.items[0]).toMatchObject({ id, kind: "students", status: "committed", update: 1, by: "registrar" });
  });

  it("refuses bad input at the cell and writes nothing", async () => {
    const count = await w.db.$count(students);
    const cases: Array<[string, Array<Array<string | number | null>>, string, string]> = [
      [
        "duplicate 学号",
        [OLD_HEADER, row("2023019001", "王五", "男", "2006-01-20", id3), row("2023019001", "王五", "男", "2006-01-20", id3)],
        "row.duplicate",
        "A",
      ],
      ["学号 of another ID", [OLD_HEADER, row("2023010001", "张三", "男", "2006-01-20", id3)], "import.student-no-other-id", "A"],
      [
        "unknown 专业代码",
        [OLD_HEADER, row("2023019002", "王五", "男", "2006-01-20", id3).map((c, i) => (i === 7 ? "999999" : c))],
        "import.unknown-major",
        "H",
      ],
      [
        "another college (转专业)",
        [
          OLD_HEADER,
          row("2023010001", "张三", "男", "2005-03-14", id1).map((c, i) =>
            i === 7 ? "050201" : i === 8 ? "英语" : i === 9 ? "外国语学院" : c,
          ),
        ],
        "import.college-change",
        "J",
      ],
      [
        "unreachable status",
        [OLD_HEADER, row("2023010001", "张三", "男", "2005-03-14", id1, { status: "录取" })],
        "import.status-unreachable",
        "Q",
      ],
    ];
    for (const [what, rows, code, column] of cases) {
      const { id, report } = await preview("students", await xlsx(rows));
      expect(
        report.issues.find((i) => i.severity === "error"),
        what,
      ).toMatchObject({ code, column });
      await expect(commit(id), what).rejects.toMatchObject({ code: "import.has-errors" });
      expect(new AppError("import.has-errors", { count: 1 }).userMessage()).toContain("没有写入任何数据");
    }
    expect(await w.db.$count(students)).toBe(count);
  });

  it("round-trips Xueji's own 学信网 export unchanged", async () => {
    await w.db.execute(
      sql`insert into registrations (student_id, academic_year, status) select id, '2026-2027', 'registered' from students`,
    );
    const { file } = await registrationExport(w.db, { academicYear: "2026-2027" });
    const { id, report } = await preview("students", file, "学籍注册.xlsx");
    expect(report.errors).toBe(0);
    expect(report).toMatchObject({ create: 0, update: 0 });
    expect(report.unchanged).toBe(report.rows);
    await commit(id);
  });

  it("admits freshmen numbered by the registrar's pattern, shown in the preview", async () => {
    const header = ["考生号", "姓名", "身份证号", "性别", "出生日期", "民族", "录取专业", "层次", "学制"];
    const a = makeIdNumber("2008-05-05", "1", 11);
    const b = makeIdNumber("2008-06-06", "2", 12);
    const file = await xlsx([
      header,
      ["26430101000001", "赵一", a, "男", "2008-05-05", "汉族", "计算机科学与技术", "本科", "4"],
      ["26430101000002", "钱二", b, "女", "2008-06-06", "回族", "计算机科学与技术", "本科", "4"],
    ]);
    const withoutPattern = await preview("admissions", file, "录取名单.xlsx");
    expect(withoutPattern.report.issues[0]).toMatchObject({ code: "import.no-student-no" });
    const { id, report } = await preview("admissions", file, "录取名单.xlsx", "2026{college}{serial:4}");
    expect(report.changes.map((c) => c.key)).toEqual(["2026010001", "2026010002"]);
    await commitImport(w.db, registrar, { id, today: "2026-08-20" });
    const [s] = await w.db.select().from(students).where(eq(students.examNo, "26430101000002"));
    expect(s).toMatchObject({ studentNo: "2026010002", status: "admitted", ethnicity: "03" });
    const again = await preview("admissions", file, "录取名单.xlsx", "2026{college}{serial:4}");
    expect(again.report).toMatchObject({ create: 0, unchanged: 2 });
  });

  it("takes the intake's 年级 from a 录取名单 that names it: one imported in January is not the next year's intake", async () => {
    const header = ["考生号", "姓名", "身份证号", "性别", "出生日期", "民族", "录取专业", "层次", "学制", "年级"];
    const file = await xlsx([
      header,
      [
        "26430101000009",
        "孙九",
        makeIdNumber("2008-07-07", "1", 19),
        "男",
        "2008-07-07",
        "汉族",
        "计算机科学与技术",
        "本科",
        "4",
        "2026级",
      ],
    ]);
    const january = (bytes: Buffer) =>
      previewImport(w.db, registrar, {
        kind: "admissions",
        fileName: "录取名单.xlsx",
        bytes,
        options: { pattern: "{year}{college}{serial:4}" },
        today: "2027-01-12",
      });
    const named = await january(file);
    expect(named.report.errors).toBe(0);
    expect(named.report.changes.map((c) => c.key)).toEqual(["2026010003"]);
    // Without the column, the latest intake's: in January, last autumn's (2026), not the calendar year's.
    const unnamed = await january(
      await xlsx([
        header.slice(0, -1),
        ["26430101000009", "孙九", makeIdNumber("2008-07-07", "1", 19), "男", "2008-07-07", "汉族", "计算机科学与技术", "本科", "4"],
      ]),
    );
    expect(unnamed.report.changes.map((c) => c.key)).toEqual(["2026010003"]);
    // In July the national admissions have begun: a list without 年级 is this year's intake.
    const july = await previewImport(w.db, registrar, {
      kind: "admissions",
      fileName: "录取名单.xlsx",
      bytes: await xlsx([
        header.slice(0, -1),
        ["26430101000009", "孙九", makeIdNumber("2008-07-07", "1", 19), "男", "2008-07-07", "汉族", "计算机科学与技术", "本科", "4"],
      ]),
      options: { pattern: "{year}{college}{serial:4}" },
      today: "2027-07-20",
    });
    expect(july.report.changes.map((c) => c.key)).toEqual(["2027010001"]);
  });

  it("imports course results: earned credits and GPA, a passed 补考 clears, a course failed twice is listed once", async () => {
    const header = ["学号", "姓名", "学年学期", "课程代码", "课程名称", "学分", "成绩", "课程性质", "考核方式", "绩点"];
    const file = await xlsx([
      header,
      ["2023010001", "张三", "2025-2026-1", "C001", "高等数学", 4, 85, "公共必修课", "正考", 3.5],
      ["2023010001", "张三", "2025-2026-1", "C002", "线性代数", 3, 50, "专业必修课", "正考", 0],
      ["2023010001", "张三", "2025-2026-1", "C002", "线性代数", 3, 70, "专业必修课", "补考", 2],
      ["2023010002", "李四", "2025-2026-1", "C003", "数据结构", 3, 40, "专业必修课", "正考", 0],
      ["2023010002", "李四", "2025-2026-1", "C003", "数据结构", 3, 45, "专业必修课", "补考", 0],
    ]);
    const { id, report } = await preview("results", file, "成绩.xlsx");
    expect(report).toMatchObject({ rows: 5, create: 5, errors: 0, studentsAffected: 2 });
    await commit(id);
    const [s] = await w.db.select().from(students).where(eq(students.studentNo, "2023010001"));
    expect(s).toMatchObject({ earnedCredits: 7, gpa: 2.86 });
    const failed = await failedCoursesOf(w.db, { collegeId: w.collegeA, limit: 50 });
    expect(failed.items.map((f) => [f.student_no, f.course_name])).toEqual([["2023010002", "数据结构"]]);
    const again = await preview("results", file, "成绩.xlsx");
    expect(again.report).toMatchObject({ create: 0, update: 0, unchanged: 5 });
    // A results file with a 学号 not in the record writes nothing.
    const unknown = await preview(
      "results",
      await xlsx([header, ["2099990001", "无名", "2025-2026-1", "C001", "高等数学", 4, 85, "公共必修课", "正考", 3]]),
      "成绩.xlsx",
    );
    expect(unknown.report.issues[0]).toMatchObject({ code: "import.unknown-student", column: "A", row: 2 });
    await expect(commit(unknown.id)).rejects.toMatchObject({ code: "import.has-errors" });
    expect(await w.db.$count(courseResults)).toBe(5);
  });

  it("imports users with temporary passwords that must be changed, shown once and never in the audit log", async () => {
    const file = await xlsx([
      ["用户名", "姓名", "角色", "学院"],
      ["sec-xx", "周秘书", "教学秘书", "信息工程学院"],
      ["lead-xx", "吴院长", "院领导", "信息工程学院"],
    ]);
    const { id, report } = await previewImport(w.db, admin, {
      kind: "users",
      fileName: "账号.xlsx",
      bytes: file,
      options: {},
      today: TODAY,
    });
    expect(report).toMatchObject({ create: 2, errors: 0 });
    const done = await commitImport(w.db, admin, { id, today: TODAY });
    expect(done.passwords).toHaveLength(2);
    const [u] = await w.db.select().from(users).where(eq(users.username, "sec-xx"));
    expect(u).toMatchObject({ role: "secretary", collegeId: w.collegeA, mustChangePassword: true });
    expect(await verifyPassword(done.passwords[0]?.password as string, u?.passwordHash as string)).toBe(true);
    const logged = resultRows<{ text: string }>(await w.db.execute(sql`select coalesce(after::text, '') as text from audit_events`));
    for (const p of done.passwords) expect(logged.some((l) => l.text.includes(p.password))).toBe(false);
    const bad = await previewImport(w.db, admin, {
      kind: "users",
      fileName: "账号.xlsx",
      bytes: await xlsx([
        ["用户名", "姓名", "角色", "学院"],
        ["x1", "某人", "校长助理", ""],
      ]),
      options: {},
      today: TODAY,
    });
    expect(bad.report.issues[0]).toMatchObject({ code: "import.unknown-role", column: "C" });
  });

  it("pages the failed courses and the import history with the one opaque cursor; a garbage cursor is a localised 400", async () => {
    const header = ["学号", "学年学期", "课程代码", "课程名称", "学分", "成绩", "考核方式"];
    const failing = [
      ["2023010002", "2025-2026-2", "C010", "大学物理", 4, 41, "正考"],
      ["2023010002", "2025-2026-2", "C011", "电路分析", 3, 52, "正考"],
      ["2023010001", "2025-2026-2", "C012", "离散数学", 3, 38, "正考"],
    ];
    await commit((await preview("results", await xlsx([header, ...failing]), "成绩2.xlsx")).id);
    const registrar = await w.as("registrar");
    const walk = async <T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) => {
      const items: T[] = [];
      const sizes: number[] = [];
      for (let cursor: string | undefined, i = 0; i < 50; i++) {
        const p = await page(cursor);
        items.push(...p.items);
        sizes.push(p.items.length);
        if (p.nextCursor === null) return { items, sizes };
        cursor = p.nextCursor;
      }
      throw new Error("more than 50 pages");
    };
    const courses = await walk((cursor) =>
      registrar.students.failedCourses({ collegeId: w.collegeA, limit: 2, ...(cursor ? { cursor } : {}) }),
    );
    expect(courses.sizes).toEqual([2, 2]);
    expect(courses.items.map((c) => `${c.studentNo} ${c.courseCode}`)).toEqual([
      "2023010001 C012",
      "2023010002 C003",
      "2023010002 C010",
      "2023010002 C011",
    ]);
    const history = await walk((cursor) => registrar.imports.list({ limit: 3, ...(cursor ? { cursor } : {}) }));
    const ids = (await listImports(w.db, { limit: 200 })).items.map((i) => i.id);
    expect(history.items.map((i) => i.id)).toEqual(ids);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    // Another list's cursor, a forged one and noise are refused the same way, never a 500.
    const other = (await registrar.students.list({ limit: 1 })).nextCursor as string;
    const forged = Buffer.from(JSON.stringify({ s: "imports/id", k: ["x"] })).toString("base64url");
    for (const cursor of ["!!!", "e30", other, forged]) {
      for (const call of [() => registrar.imports.list({ cursor }), () => registrar.students.failedCourses({ cursor })]) {
        const error = await call().catch((e: unknown) => e);
        expect(error, cursor).toBeInstanceOf(TRPCError);
        expect(error, cursor).toMatchObject({ code: "BAD_REQUEST", cause: { code: "input.invalid", params: { problem: "cursor" } } });
      }
    }
    const http = await w.serve();
    try {
      const input = encodeURIComponent(JSON.stringify({ cursor: forged }));
      const response = await fetch(`${http.base}/api/trpc/imports.list?input=${input}`, {
        headers: { authorization: `Bearer ${w.tokens.get("registrar")}`, "accept-language": "zh-CN" },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain("分页位置无效");
    } finally {
      http.close();
    }
  });

  it("a dry run never confirmed loses its file after the bound, at the next import or start; a confirmed import keeps it", async () => {
    const file = await xlsx([OLD_HEADER, row("2023010011", "周十一", "男", "2005-03-14", makeIdNumber("2005-03-14", "1", 11))]);
    const confirmed = await preview("students", file);
    await commit(confirmed.id);
    const forgotten = await preview("students", file, "旧的试导入.xlsx");
    const recent = await preview("students", file, "新的试导入.xlsx");
    // Two days pass for the confirmed import and the first dry run; the second is an hour old.
    const age = async (id: number, hours: number) =>
      w.db.execute(sql`update imports set previewed_at = now() - make_interval(hours => ${hours}) where id = ${id}`);
    await age(confirmed.id, 48);
    await age(forgotten.id, 48);
    await age(recent.id, 1);
    // Confirming a dry run past its time is refused in the reader's language, and writes nothing.
    const late = await commit(forgotten.id).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(AppError);
    expect(late).toMatchObject({ code: "import.expired", params: { hours: DRY_RUN_HOURS } });
    const { code, params } = late as AppError;
    expect(formatError(code, params, "zh-CN")).toBe(
      `这次试导入已超过 ${DRY_RUN_HOURS} 小时未确认，文件已删除，没有写入任何数据。请重新上传文件。`,
    );
    expect(formatError(code, params, "en")).toContain(`within ${DRY_RUN_HOURS} hours`);
    expect(await w.db.$count(students, eq(students.studentNo, "2023010011"))).toBe(1);
    // The next import (or the next start, which calls the same) removes it, file and all.
    const next = await preview("students", file, "下一次.xlsx");
    const kept = await w.db.select({ id: imports.id, bytes: sql<number>`octet_length(${imports.file})` }).from(imports);
    const left = new Map(kept.map((k) => [k.id, Number(k.bytes)]));
    expect(left.has(forgotten.id)).toBe(false);
    expect(left.get(confirmed.id)).toBe(file.length);
    expect(left.get(recent.id)).toBe(file.length);
    expect(left.get(next.id)).toBe(file.length);
    await expect(commit(forgotten.id)).rejects.toMatchObject({ code: "import.not-found" });
    // Nothing older is left for a start to remove.
    expect(await forgetStaleDryRuns(w.db)).toBe(0);
    const history = (await listImports(w.db, { limit: 200 })).items.map((i) => i.id);
    expect(history).toContain(confirmed.id);
    expect(history).not.toContain(forgotten.id);
  });

  it("two confirmations of the same file at once: one writes, nothing doubled", async () => {
    const file = await xlsx([OLD_HEADER, row("2023010009", "孙九", "男", "2006-01-20", id3)]);
    const a = await preview("students", file);
    const b = await preview("students", file);
    const results = await Promise.allSettled([commit(a.id), commit(b.id), commit(a.id)]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(2);
    const created = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.report.create] : []));
    expect(created.sort()).toEqual([0, 1]);
    expect(await w.db.$count(students, eq(students.studentNo, "2023010009"))).toBe(1);
  });
});
