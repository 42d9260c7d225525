import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents, failedCourseRecords, studentPhotos, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

describe.each(TEST_ENGINES)("graduation and degree audits on %s", (engine) => {
  let w: World;
  const idOf = new Map<string, number>();
  beforeAll(async () => {
    w = await makeWorld(engine);
    // Major A requires 160 credits (本科). Six graduating students, one for each outcome reason.
    const cohort = [
      ["2022010001", "毕业甲", 2022, 165],
      ["2022010002", "学分乙", 2022, 150.5],
      ["2022010003", "挂科丙", 2022, 170],
      ["2019010004", "超期丁", 2019, 170],
      ["2022010005", "照片戊", 2022, 165],
      ["2022010006", "未知己", 2022, null],
    ] as const;
    await w.insertStudents(
      cohort.map(([studentNo, name, grade]) => ({ studentNo, name, collegeId: w.collegeA, majorId: w.majorA, grade })),
    );
    for (const [studentNo, , , credits] of cohort) {
      const [row] = await w.db
        .update(students)
        .set({ earnedCredits: credits, expectedGraduationDate: "2026-06-30" })
        .where(eq(students.studentNo, studentNo))
        .returning({ id: students.id });
      idOf.set(studentNo, row?.id as number);
      if (studentNo !== "2022010005")
        await w.db.insert(studentPhotos).values({ studentId: row?.id as number, width: 480, height: 640, bytes: 35_000 });
    }
    await w.db.insert(studentPhotos).values({ studentId: idOf.get("2022010005") as number, width: 480, height: 640, bytes: 180_000 });
    // 丙 failed a required course and the make-up; 甲 failed one and passed the make-up.
    await w.db.insert(failedCourseRecords).values([
      {
        studentId: idOf.get("2022010003") as number,
        termCode: "2025-2026-1",
        academicYear: "2025-2026",
        courseCode: "MA1",
        courseName: "高等数学",
        credits: 6,
        courseNature: "public-required",
        passed: false,
        examType: "regular",
      },
      {
        studentId: idOf.get("2022010003") as number,
        termCode: "2025-2026-1",
        academicYear: "2025-2026",
        courseCode: "MA1",
        courseName: "高等数学",
        credits: 6,
        courseNature: "public-required",
        passed: false,
        examType: "makeup",
      },
      {
        studentId: idOf.get("2022010001") as number,
        termCode: "2025-2026-1",
        academicYear: "2025-2026",
        courseCode: "EN1",
        courseName: "大学英语",
        credits: 4,
        courseNature: "public-required",
        passed: false,
        examType: "regular",
      },
      {
        studentId: idOf.get("2022010001") as number,
        termCode: "2025-2026-1",
        academicYear: "2025-2026",
        courseCode: "EN1",
        courseName: "大学英语",
        credits: 4,
        courseNature: "public-required",
        passed: true,
        examType: "makeup",
      },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("audits a cohort with every outcome reason", async () => {
    const registrar = await w.as("registrar");
    expect(await registrar.graduation.run({ cohort: 2026 })).toEqual({ audited: 6, graduate: 2, complete: 4 });
    const list = (await registrar.graduation.list({ cohort: 2026 })).items;
    expect(list.find((a) => a.name === "学分乙")?.reasonTexts).toEqual(["已获学分 150.5，未达到毕业要求的 160 学分"]);
    expect(
      Object.fromEntries(list.map((a) => [a.name, [a.outcome, a.degree, (a.reasons as Array<{ code: string }>).map((r) => r.code)]])),
    ).toEqual({
      毕业甲: ["graduate", "award", []],
      学分乙: ["complete", "withhold", ["credits-short"]],
      挂科丙: ["complete", "withhold", ["failed-required"]],
      超期丁: ["complete", "withhold", ["over-max-years"]],
      照片戊: ["graduate", "award", ["photo-size"]],
      未知己: ["complete", "withhold", ["credits-unknown"]],
    });
    expect(await registrar.graduation.run({ cohort: 2026 })).toMatchObject({ audited: 6 }); // again: recomputed, not duplicated
    const [summary] = await registrar.graduation.summary({ cohort: 2026 });
    expect(summary).toMatchObject({
      students: 6,
      graduate: 2,
      complete: 4,
      degree: 2,
      dataIncomplete: 1,
      reasons: { "credits-short": 1, "failed-required": 1, "over-max-years": 1, "photo-size": 1, "credits-unknown": 1 },
    });
  });

  it("lets the registrar override an outcome only with a reason, kept in the audit trail", async () => {
    const registrar = await w.as("registrar");
    const target = (await registrar.graduation.list({ cohort: 2026 })).items.find((a) => a.name === "未知己");
    await expect(
      registrar.graduation.override({ auditId: target?.id as number, outcome: "graduate", degree: "award", reason: "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const overridden = await registrar.graduation.override({
      auditId: target?.id as number,
      outcome: "graduate",
      degree: "award",
      reason: "教务系统补录学分 168，已核实",
    });
    expect(overridden).toMatchObject({ overrideOutcome: "graduate", overrideReason: "教务系统补录学分 168，已核实" });
    const [event] = await w.db.select().from(auditEvents).where(eq(auditEvents.action, "graduation.override"));
    expect(event).toMatchObject({
      role: "registrar-staff",
      before: { outcome: "complete" },
      after: { outcome: "graduate", reason: "教务系统补录学分 168，已核实" },
    });
    expect((await registrar.graduation.summary({ cohort: 2026 }))[0]).toMatchObject({ graduate: 3, complete: 3 });
    await expect(
      (await w.as("secretary-a")).graduation.override({
        auditId: target?.id as number,
        outcome: "complete",
        degree: "withhold",
        reason: "x",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("moves a college's list through 学院初审 → 教务处复审 → 公示 → 学位委员会 → 证书制作 → 上报", async () => {
    expect(await (await w.as("leader-a")).graduation.advance({ cohort: 2026, from: "college-review" })).toEqual({
      stage: "registrar-review",
      students: 6,
    });
    await expect((await w.as("leader-a")).graduation.advance({ cohort: 2026, from: "registrar-review" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const registrar = await w.as("registrar");
    for (const from of ["registrar-review", "public-notice", "degree-committee", "certificates"] as const)
      await registrar.graduation.advance({
        cohort: 2026,
        collegeId: w.collegeA,
        from,
        committee: { decidedOn: "2026-06-20", meetingNo: "校学位〔2026〕3号" },
      });
    expect((await registrar.graduation.list({ cohort: 2026 })).items.every((a) => a.stage === "reported")).toBe(true);
  });

  it("audits with the graduation rules in force, not the built-in ones", async () => {
    const registrar = await w.as("registrar");
    const photoOf = async () =>
      (await registrar.graduation.list({ cohort: 2026 })).items.find((a) => a.name === "照片戊")?.reasons as Array<{ code: string }>;
    expect((await photoOf()).map((r) => r.code)).toEqual(["photo-size"]); // 180 KB over the built-in 100 KB
    const leader = await w.as("registrar-leader");
    const inForce = await leader.settings.current({ kind: "graduation-audit", key: "default", academicYear: "2025-2026" });
    const value = inForce.value as { photo: Record<string, number> };
    expect(
      await leader.settings.publish({
        kind: "graduation-audit",
        key: "default",
        validFrom: "2025-2026",
        reason: "学信网照片上限调整为 200 KB",
        value: { ...value, photo: { ...value.photo, maxBytes: 200 * 1024 } },
      }),
    ).toMatchObject({ status: "published" });
    await registrar.graduation.run({ cohort: 2026 });
    expect(await photoOf()).toEqual([]);
  });
});
