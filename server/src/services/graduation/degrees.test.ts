import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents, degreeCommitteeDecisions, graduationCertificates, studentPhotos, students } from "../../db/schema";
import { insertMajor } from "../../db/seed-basics";
import { TEST_ENGINES } from "../../db/test-database";

const SCHOOL = { schoolName: "长江师范学院", schoolCode: "10647", presidentName: "张某某", schoolType: "1" };
const COMMITTEE = { decidedOn: "2026-06-20", meetingNo: "校学位〔2026〕3号" };

describe.each(TEST_ENGINES)("degrees as the seeds give them on %s", (engine) => {
  let w: World;
  let juniorMajor: number;
  beforeAll(async () => {
    w = await makeWorld(engine);
    juniorMajor = await insertMajor(w.db, w.collegeA, "510201", "计算机应用技术", "06");
    await w.insertStudents([
      { studentNo: "2023060101", name: "专科甲", collegeId: w.collegeA, majorId: juniorMajor, grade: 2023 },
      { studentNo: "2022010102", name: "本科乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010103", name: "绩点丙", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
    ]);
    await w.db.update(students).set({ level: "06", duration: 3, enrolmentDate: "2023-09-01" }).where(eq(students.studentNo, "2023060101"));
    for (const [studentNo, credits, gpa] of [
      ["2023060101", 125, 3.5],
      ["2022010102", 165, 3.1],
      ["2022010103", 165, 1.8],
    ] as const) {
      const [row] = await w.db
        .update(students)
        .set({ earnedCredits: credits, gpa, expectedGraduationDate: "2026-06-30" })
        .where(eq(students.studentNo, studentNo))
        .returning({ id: students.id });
      await w.db.insert(studentPhotos).values({ studentId: row?.id as number, width: 480, height: 640, bytes: 30_000 });
    }
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "graduation-audit",
        key: "default",
        validFrom: "2025-2026",
        value: {
          maxStudyYears: { "05": 6, "06": 5, "15": 6 },
          photo: { width: 480, height: 640, minBytes: 1024, maxBytes: 102_400 },
          degree: {
            requireNoOutstandingFailures: true,
            maxYearsAfterLeaving: 2,
            conditions: [{ key: "gpa", name: { "zh-CN": "平均学分绩点", en: "GPA" }, fact: "gpa", op: "min", value: 2 }],
          },
          certificate: SCHOOL,
        },
        reason: "学位授予条件：绩点 2.0",
      }),
    ).toMatchObject({ status: "published" });
  }, 60_000);
  afterAll(() => w.database.close());

  it("seed 000 六.3 / seed 001 七: a 专科 graduate graduates without a degree, and no degree condition is shown for them", async () => {
    const registrar = await w.as("registrar");
    await registrar.graduation.run({ cohort: 2026 });
    const list = (await registrar.graduation.list({ cohort: 2026 })).items;
    const junior = list.find((a) => a.name === "专科甲");
    expect(junior).toMatchObject({ outcome: "graduate", degree: "withhold" });
    // Not the GPA condition (3.5 would meet it): the level alone.
    expect(junior?.degreeReasons).toEqual([{ code: "degree-level", level: "06" }]);
    // No override makes a 学士学位 of it.
    await expect(
      registrar.graduation.override({ auditId: junior?.id as number, outcome: "graduate", degree: "award", reason: "学院申请授位" }),
    ).rejects.toMatchObject({ cause: { code: "graduation.no-degree-for-level" } });
  });

  it("seed 001 七 / seed 004: 复审 by the registrar's office, 学位委员会 the school's — recorded with its date and meeting number", async () => {
    await (await w.as("leader-a")).graduation.advance({ cohort: 2026, from: "college-review" });
    // The registrar leader reviews (复审) — no longer FORBIDDEN.
    await (await w.as("registrar-leader")).graduation.advance({ cohort: 2026, collegeId: w.collegeA, from: "registrar-review" });
    const registrar = await w.as("registrar");
    await registrar.graduation.advance({ cohort: 2026, collegeId: w.collegeA, from: "public-notice" });
    // The school leader is not the one to close the notice; the registrar leader does not decide for the committee.
    await expect(
      (await w.as("registrar-leader")).graduation.advance({
        cohort: 2026,
        collegeId: w.collegeA,
        from: "degree-committee",
        committee: COMMITTEE,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The committee's decision needs its minutes: date and meeting number.
    await expect(registrar.graduation.advance({ cohort: 2026, collegeId: w.collegeA, from: "degree-committee" })).rejects.toMatchObject({
      cause: { code: "graduation.committee-required" },
    });
    await (await w.as("school-leader")).graduation.advance({
      cohort: 2026,
      collegeId: w.collegeA,
      from: "degree-committee",
      committee: COMMITTEE,
    });
    const decisions = await w.db.select().from(degreeCommitteeDecisions);
    expect(decisions).toMatchObject([{ cohort: 2026, collegeId: w.collegeA, decidedOn: "2026-06-20", meetingNo: "校学位〔2026〕3号" }]);
  });

  it("seed 000 六.5 / seed 001 七: a 专科 certificate never carries a degree", async () => {
    await (await w.as("registrar", "2026-07-01")).graduation.execute({ cohort: 2026, collegeId: w.collegeA, graduationDate: "2026-06-30" });
    const rows = await w.db
      .select({ name: students.name, degree: graduationCertificates.degreeAwarded })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId));
    expect(Object.fromEntries(rows.map((r) => [r.name, r.degree]))).toEqual({ 专科甲: false, 本科乙: true, 绩点丙: false });
  });

  it("seed 000 六.5 学位证超过两年不再补授: 学位补授 within two years of leaving, on the committee's decision", async () => {
    const registrar = await w.as("registrar");
    const supplement = (decidedOn: string, studentNo = "2022010103") =>
      registrar.graduation.supplementDegree({ studentNo, committee: { decidedOn, meetingNo: "校学位〔补〕1号" } });
    // Still short of the condition: refused with it.
    await expect(supplement("2027-03-01")).rejects.toMatchObject({ cause: { code: "graduation.supplement-not-eligible" } });
    await w.db.update(students).set({ gpa: 2.3 }).where(eq(students.studentNo, "2022010103"));
    // 2.2 years after leaving (2026-06-30): too late, and the message counts from leaving.
    const late = await supplement("2028-09-01").catch((e) => e);
    expect(late.cause).toMatchObject({ code: "graduation.supplement-not-eligible" });
    expect(late.cause.params.reasons).toContain("离校已 2.2 年");
    // A 专科 graduate has no degree to award later.
    await expect(supplement("2027-03-01", "2023060101")).rejects.toMatchObject({
      cause: { code: "graduation.supplement-not-eligible", params: { reasons: "专科、预科学生不授予学士学位" } },
    });
    expect(await supplement("2027-03-01")).toMatchObject({ studentNo: "2022010103", degreeAwardedOn: "2027-03-01" });
    const [certificate] = await w.db
      .select()
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      .where(eq(students.studentNo, "2022010103"));
    expect(certificate?.graduation_certificates).toMatchObject({ degreeAwarded: true, degreeAwardedOn: "2027-03-01" });
    const [event] = await w.db.select().from(auditEvents).where(eq(auditEvents.action, "graduation.degree-supplement"));
    expect(event?.after).toMatchObject({ degreeAwarded: true, committee: { meetingNo: "校学位〔补〕1号" } });
    await expect(supplement("2027-04-01")).rejects.toMatchObject({ cause: { params: { reasons: "已授予学位" } } });
  });

  it("seed 000 八: a graduate's identity changes only through 学历（学位）勘误, and that only for a graduate", async () => {
    const registrar = await w.as("registrar");
    const file = (type: "identity-change" | "record-correction", studentNo: string, reasonCode: string) =>
      registrar.applications.file({ studentNo, type, reasonCode, materials: [], changes: { name: "改名" } });
    await expect(file("identity-change", "2022010102", "changed")).rejects.toMatchObject({
      cause: { code: "application.identity-closed" },
    });
    await w.insertStudents([{ studentNo: "2024010109", name: "在读丁", collegeId: w.collegeA, majorId: w.majorA, grade: 2024 }]);
    await expect(file("record-correction", "2024010109", "pre-graduation-error")).rejects.toMatchObject({
      cause: { code: "application.correction-graduates-only" },
    });
    expect(await file("record-correction", "2022010102", "pre-graduation-error")).toMatchObject({
      type: "record-correction",
      stage: "draft",
    });
  });
});
