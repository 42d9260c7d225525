import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ETHNICITY, entryByCode, textCell } from "@xueji/shared";
import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyBuiltDemo, runDay } from "../../test/demo-database";
import { type Database, openDatabase, resultRows } from "../db/client";
import {
  applications,
  auditEvents,
  colleges,
  graduationAudits,
  graduationCertificates,
  imports,
  majors,
  pendingItems,
  sheetSubmissions,
  statusChanges,
  students,
  users,
} from "../db/schema";
import { verifyChain } from "../services/audit-log/verify-chain";
import { verifyPassword } from "../services/auth/password";
import { submitSheet } from "../services/sheets/submit-sheet";
import { PER_MAJOR_GRADE } from "./demo-files";
import { demoStory } from "./demo-story";
import { DEMO_PASSWORD, isEmpty, seedDemo } from "./seed-demo";

// The demo as `pnpm start` makes it on the run's day (the day the e2e project's global setup built it for): its
// story moves with the date (demo-story.ts), so what is expected is read from that story. On 2026-12-06, say:
// the 2022 cohort graduated last June, the 2023 cohort's audit for June 2027 open, the 2026 intake admitted.
const TODAY = runDay();
const story = demoStory(TODAY);
const [graduatedGrade, openGrade] = story.grades as [number, number];

describe(`the demo university of pnpm start, as of ${TODAY}`, { timeout: 600_000 }, () => {
  let database: Database;
  let dataDir: string;
  beforeAll(async () => {
    // The copy of the day built before the run (seeding it again here cost some 45 CPU-s); made here otherwise.
    const copy = copyBuiltDemo(TODAY);
    dataDir = copy ?? (await mkdtemp(join(tmpdir(), "xueji-demo-")));
    database = await openDatabase({ dataDir });
    if (!copy) {
      expect(await isEmpty(database.db)).toBe(true);
      await seedDemo(database.db, { today: TODAY });
    }
  }, 600_000);
  afterAll(async () => {
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("is made through the imports: the organisation, the accounts, the students, the 录取名单 and the results", async () => {
    const { db } = database;
    const n = async (table: typeof colleges | typeof majors | typeof users) => (await db.select({ n: count() }).from(table))[0]?.n;
    expect([await n(colleges), await n(majors), await n(users)]).toEqual([8, 40, 20]);
    const done = await db.select({ kind: imports.kind, status: imports.status }).from(imports).orderBy(asc(imports.id));
    expect(done).toEqual(["users", "students", "admissions", "results"].map((kind) => ({ kind, status: "committed" })));
    const events = await db.select({ action: auditEvents.action }).from(auditEvents);
    expect(events.filter((e) => e.action === "organisation.import")).toHaveLength(1);
    expect(events.filter((e) => e.action === "import.commit")).toHaveLength(4);
    // Every student's history starts with the import that brought them in.
    const [orphans] = await db
      .select({ n: count() })
      .from(students)
      .where(
        sql`not exists (select 1 from ${statusChanges} c where c.student_id = ${students.id} and c.field = 'created' and c.import_id is not null)`,
      );
    expect(orphans?.n).toBe(0);
    // The accounts share the published password (one hash), not temporary ones to change.
    const accounts = await db.select({ hash: users.passwordHash, must: users.mustChangePassword }).from(users);
    expect(accounts.every((a) => !a.must)).toBe(true);
    const hashes = [...new Set(accounts.map((a) => a.hash))];
    expect(hashes.length).toBeLessThanOrEqual(2);
    for (const hash of hashes) expect(await verifyPassword(DEMO_PASSWORD, hash)).toBe(true);
  });

  it("has results for every cohort in the record: earned credits and GPA for all grades, failed courses in each", async () => {
    const rows = resultRows<{ grade: number; students: number; credited: number; failing: number }>(
      await database.db.execute(sql`
        select s.grade, count(*)::int as students, count(*) filter (where s.earned_credits is not null and s.gpa is not null)::int as credited,
          count(*) filter (where exists (
            select 1 from course_results c where c.student_id = s.id and not c.passed
              and not exists (select 1 from course_results p where p.student_id = s.id and p.course_key = c.course_key and p.passed)))::int as failing
        from students s where s.grade < ${story.intake} group by s.grade order by s.grade`),
    );
    expect(rows.map((r) => r.grade)).toEqual(story.grades);
    for (const r of rows) {
      expect(r.credited, `grade ${r.grade}`).toBe(r.students);
      expect(r.failing, `grade ${r.grade}`).toBeGreaterThan(0);
    }
  });

  it(`graduated the ${graduatedGrade} cohort last June: audited, executed with certificates, no one still 在读`, async () => {
    const { db } = database;
    const statuses = await db
      .select({ status: students.status, n: count() })
      .from(students)
      .where(eq(students.grade, graduatedGrade))
      .groupBy(students.status);
    expect(statuses.map((s) => s.status).sort()).toEqual(["completed", "graduated", "withdrawn"]);
    const audits = await db
      .select({ stage: graduationAudits.stage, n: count() })
      .from(graduationAudits)
      .where(eq(graduationAudits.cohort, story.graduated))
      .groupBy(graduationAudits.stage);
    expect(audits.map((a) => a.stage)).toEqual(["certificates"]);
    const graduated = statuses.find((s) => s.status === "graduated")?.n ?? 0;
    const [certificates] = await db
      .select({ n: count() })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      .where(eq(students.grade, graduatedGrade));
    expect(certificates?.n).toBeGreaterThanOrEqual(graduated);
    const [still] = await db
      .select({ n: count() })
      .from(students)
      .where(and(eq(students.status, "enrolled"), sql`${students.expectedGraduationDate} < ${TODAY}`));
    expect(still?.n).toBe(0);
  });

  it(`has the ${openGrade} cohort's audit for June ${story.open} open at 学院初审, some to graduate and some not yet`, async () => {
    const { db } = database;
    const audits = await db
      .select({ stage: graduationAudits.stage, outcome: graduationAudits.outcome })
      .from(graduationAudits)
      .where(eq(graduationAudits.cohort, story.open));
    const [cohort] = await db
      .select({ n: count() })
      .from(students)
      .where(and(eq(students.grade, openGrade), inArray(students.status, ["enrolled", "completed"])));
    expect(audits.length).toBe(cohort?.n);
    expect(new Set(audits.map((a) => a.stage))).toEqual(new Set(["college-review"]));
    expect(new Set(audits.map((a) => a.outcome))).toEqual(new Set(["graduate", "complete"]));
  });

  it("has the term's sheets and applications at every stage, each dated in the past with its deadline ahead", async () => {
    const { db } = database;
    const states = await db.select({ state: sheetSubmissions.state }).from(sheetSubmissions);
    expect(states.filter((s) => s.state === "accepted")).toHaveLength(2);
    expect(states.filter((s) => s.state === "submitted")).toHaveLength(2);
    const items = await db.select({ kind: pendingItems.kind }).from(pendingItems);
    expect(items.some((i) => i.kind === "warning-1")).toBe(true);
    const apps = await db
      .select({ stage: applications.stage, state: applications.state, submittedOn: applications.submittedOn, dueOn: applications.dueOn })
      .from(applications);
    expect(new Set(apps.map((a) => a.stage))).toEqual(new Set(["draft", "college", "registrar-leader", "reported"]));
    for (const a of apps) {
      if (a.submittedOn) expect(a.submittedOn < TODAY, JSON.stringify(a)).toBe(true);
      if (a.state === "open" && a.stage !== "reported" && a.dueOn) expect(a.dueOn >= TODAY, JSON.stringify(a)).toBe(true);
    }
  });

  it(`has the ${story.intake} intake a new-student roster checks: a demo secretary submits hers without an error`, async () => {
    const { db } = database;
    const [secretary] = await db.select().from(users).where(eq(users.username, "sec-01"));
    const intake = await db
      .select({
        studentNo: students.studentNo,
        name: students.name,
        gender: students.gender,
        birthDate: students.birthDate,
        idNumber: students.idNumber,
        major: majors.name,
      })
      .from(students)
      .innerJoin(majors, eq(majors.id, students.majorId))
      .where(and(eq(students.grade, story.intake), eq(students.collegeId, secretary?.collegeId as number)))
      .orderBy(asc(students.studentNo));
    expect(intake.length).toBe(5 * PER_MAJOR_GRADE);
    const [statuses] = await db
      .select({ n: count() })
      .from(students)
      .where(and(eq(students.grade, story.intake), ne(students.status, "admitted")));
    expect(statuses?.n).toBe(0);
    const header = ["学号", "姓名", "性别", "出生日期", "身份证号", "民族", "专业名称", "层次", "报到状态"];
    const rows = [
      header,
      ...intake.map((s) => [s.studentNo, s.name, s.gender === "1" ? "男" : "女", s.birthDate, s.idNumber, "汉族", s.major, "本科"]),
    ];
    // The ethnicity as the record has it (the sheet's 民族 is checked against the record).
    const ethnic = new Map(
      (await db.select({ no: students.studentNo, e: students.ethnicity }).from(students).where(eq(students.grade, story.intake))).map(
        (s) => [s.no, s.e],
      ),
    );
    const grid = rows.map((cells, i) => ({
      row: i + 1,
      cells: cells.map((c, j) =>
        textCell(i > 0 && j === 5 ? (entryByCode(ETHNICITY, ethnic.get(String(cells[0])) ?? "01")?.name ?? "") : String(c)),
      ),
    }));
    const receipt = await submitSheet(db, {
      actor: { userId: secretary?.id as number, role: "secretary", requestId: "demo-story" },
      clientId: "demo-story-roster-new",
      kind: "roster-new",
      termCode: `${story.year}-${story.year + 1}-1`,
      collegeId: secretary?.collegeId as number,
      fileName: "新生学籍信息核对表.xlsx",
      grid,
      today: TODAY,
    });
    expect(receipt.errors).toBe(0);
  });

  it("is written by no code past the services: nothing but tests and benches use the insert fixtures", async () => {
    const root = join(import.meta.dirname, "..");
    const files = (await readdir(root, { recursive: true })).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const importers: string[] = [];
    for (const f of files)
      if ((await readFile(join(root, f), "utf8")).includes("seed-basics")) importers.push(relative(root, join(root, f)));
    expect(importers).toEqual([]);
  });

  it("keeps a verifiable audit trail, and its data across a restart", async () => {
    expect((await verifyChain(database.db)).ok).toBe(true);
    await database.close();
    database = await openDatabase({ dataDir });
    expect(await isEmpty(database.db)).toBe(false);
    expect(await database.db.select({ n: count() }).from(users).where(eq(users.username, "registrar"))).toEqual([{ n: 1 }]);
    expect(await database.db.$count(students, isNull(students.earnedCredits))).toBe(40 * PER_MAJOR_GRADE);
  });
});
