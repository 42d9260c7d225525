import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { graduationAudits, majors, students } from "../../db/schema";
import { insertCollege, insertUser, makeIdNumber } from "../../db/seed-basics";
import { openTestDatabase, TEST_ENGINES } from "../../db/test-database";
import { runCohortAudit } from "../graduation/run-cohort-audit";
import { commitImport, previewImport } from "./run-import";

const TODAY = "2026-03-02";

async function workbook(header: string[], rows: Iterable<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华";
const nameOf = (i: number) => `${SURNAMES[i % 16]}${GIVEN[Math.floor(i / 16) % 20]}${GIVEN[Math.floor(i / 320) % 20]}`;

function birthDate(i: number, year: number): string {
  const day = new Date(Date.UTC(year, 0, 1) + (i % 300) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

// Day one (JOURNEYS A1–A3): an empty database, the organisation, then the record from sheets, and the
// graduation audit passing students on the credits the results brought in.
describe.each(TEST_ENGINES)("day one on an empty database (%s)", { timeout: 600_000 }, (engine) => {
  let database: Database;
  let actor: { userId: number; role: "registrar-staff"; requestId: string };
  const majorCodes: string[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const { db } = database;
    // The organisation (another engineer's service manages it; here it is inserted directly).
    for (let c = 1; c <= 10; c++) {
      const collegeId = await insertCollege(db, String(c).padStart(2, "0"), `第${c}学院`);
      for (let m = 0; m < 2; m++) {
        const code = `08${String(c).padStart(2, "0")}0${m + 1}`;
        majorCodes.push(code);
        await db
          .insert(majors)
          .values({ code, name: `专业${code}`, collegeId, level: "05", duration: 4, maxStudyYears: 6, requiredCredits: 20 });
      }
    }
    const userId = await insertUser(db, {
      username: "registrar",
      displayName: "学籍中心",
      role: "registrar-staff",
      collegeId: null,
      passwordHash: "x",
    });
    actor = { userId, role: "registrar-staff", requestId: "day-one" };
  }, 120_000);
  afterAll(() => database?.close());

  it("imports 10,000 students, 3,000 admitted freshmen and a term of results; the audit graduates on imported credits", async () => {
    const { db } = database;
    const run = async (kind: "students" | "admissions" | "results", bytes: Buffer, pattern?: string) => {
      const preview = await previewImport(db, actor, {
        kind,
        fileName: `${kind}.xlsx`,
        bytes,
        options: pattern ? { pattern } : {},
        today: TODAY,
      });
      expect(preview.report.errors, JSON.stringify(preview.report.issues.slice(0, 3))).toBe(0);
      return commitImport(db, actor, { id: preview.id, today: TODAY });
    };
    const header = ["学号", "姓名", "性别", "出生日期", "身份证号", "民族", "专业代码", "层次", "学制", "年级", "班级", "学籍状态"];
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const grade = 2022 + (i % 4);
      const major = majorCodes[i % majorCodes.length] as string;
      const gender = i % 2 ? "2" : "1";
      const born = birthDate(i, grade - 18);
      return [
        `${grade}${String(i).padStart(6, "0")}`,
        nameOf(i),
        gender === "1" ? "男" : "女",
        born,
        makeIdNumber(born, gender, Math.floor(i / 300)),
        "汉族",
        major,
        "本科",
        "4",
        String(grade),
        `${major}-${grade}`,
        "在读",
      ];
    });
    const students1 = await run("students", await workbook(header, rows));
    expect(students1.report).toMatchObject({ rows: 10_000, create: 10_000 });
    expect(await db.$count(students)).toBe(10_000);

    const admitted = Array.from({ length: 3_000 }, (_, i) => {
      const gender = i % 2 ? "2" : "1";
      const born = birthDate(i, 2008);
      return [
        `26430101${String(i).padStart(6, "0")}`,
        nameOf(i + 7),
        makeIdNumber(born, gender, 100 + Math.floor(i / 300)),
        gender === "1" ? "男" : "女",
        born,
        "汉族",
        majorCodes[i % majorCodes.length] as string,
        "本科",
        "4",
      ];
    });
    const admissions = await run(
      "admissions",
      await workbook(["考生号", "姓名", "身份证号", "性别", "出生日期", "民族", "专业代码", "层次", "学制"], admitted),
      "2026{college}{serial:4}",
    );
    expect(admissions.report.create).toBe(3_000);
    expect(await db.$count(students, eq(students.status, "admitted"))).toBe(3_000);

    // Last term's results for the graduating cohort (grade 2022): 24 credits each; every tenth fails a required course.
    const cohort = rows.filter((r) => r[9] === "2022");
    const results = cohort.flatMap((r, i) =>
      [0, 1, 2, 3, 4, 5].map((c) => [
        r[0] as string,
        "2025-2026-1",
        `C${c}`,
        `课程${c}`,
        4,
        c === 0 && i % 10 === 0 ? 45 : 80,
        c < 3 ? "专业必修课" : "公共选修课",
        "正考",
        c === 0 && i % 10 === 0 ? 0 : 3,
      ]),
    );
    const imported = await run(
      "results",
      await workbook(["学号", "学年学期", "课程代码", "课程名称", "学分", "成绩", "课程性质", "考核方式", "绩点"], results),
    );
    expect(imported.report).toMatchObject({ rows: cohort.length * 6, create: cohort.length * 6, studentsAffected: cohort.length });

    const audit = await runCohortAudit(db, { actor, cohort: 2026 });
    const failing = Math.ceil(cohort.length / 10);
    expect(audit).toMatchObject({ audited: cohort.length, graduate: cohort.length - failing, complete: failing });
    expect(await db.$count(graduationAudits)).toBe(cohort.length);
  });
});
