import type { TRPCError } from "@trpc/server";
import { DEFAULT_WORKFLOWS, type Material, requiredMaterials } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../test/world";
import { students } from "./db/schema";
import { insertClass, insertMajor } from "./db/seed-basics";
import { TEST_ENGINES } from "./db/test-database";

/**
 * Scope before anything (docs/domain.md §1): another college's record is "not found",
 * exactly like a missing one, so that nothing about it — existence, version, stage — leaks.
 */
const SUSPENSION = requiredMaterials(DEFAULT_WORKFLOWS.suspension, "99") as Material[];

describe.each(TEST_ENGINES)("scope before anything on %s", (engine) => {
  let w: World;
  let foreign: number;
  let classA2025: number;
  let classA2026: number;
  let classB2026: number;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025020001", name: "赵六", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
    classA2025 = await insertClass(w.db, w.majorA, "计科2501", 2025);
    classA2026 = await insertClass(w.db, w.majorA, "计科2601", 2026);
    classB2026 = await insertClass(w.db, w.majorB, "英语2601", 2026);
    const secretaryB = await w.as("secretary-b");
    const app = await secretaryB.applications.file({
      studentNo: "2025020001",
      type: "suspension",
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-11-30",
      reasonCode: "99",
      materials: SUSPENSION,
    });
    await secretaryB.applications.submit({ applicationId: app.id, expectedVersion: 1 });
    foreign = app.id; // at college B's leader's stage, version 2
  }, 60_000);
  afterAll(() => w.database.close());

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: TRPCError) => e,
    );

  it("answers a foreign application exactly like a missing one, whatever the version (decide, bulkDecide, timeline, submit)", async () => {
    const leaderA = await w.as("leader-a");
    for (const expectedVersion of [999, 2]) {
      const missing = await failure(leaderA.applications.decide({ applicationId: 2_000_000, expectedVersion, action: "advance" }));
      const other = await failure(leaderA.applications.decide({ applicationId: foreign, expectedVersion, action: "advance" }));
      expect(other).toMatchObject({ code: "NOT_FOUND", cause: { code: "application.not-found" } });
      expect(other?.message).toBe(missing?.message);
    }
    const [result] = await leaderA.applications.bulkDecide({ action: "advance", items: [{ applicationId: foreign, expectedVersion: 2 }] });
    expect(result).toMatchObject({ ok: false, code: "application.not-found" });
    await expect(leaderA.applications.timeline({ applicationId: foreign })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const secretaryA = await w.as("secretary-a");
    await expect(secretaryA.applications.submit({ applicationId: foreign, expectedVersion: 2 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      cause: { code: "application.not-found" },
    });
    // Filing for another college's student: unknown, like a student number that does not exist.
    await expect(
      secretaryA.applications.file({
        studentNo: "2025020001",
        type: "suspension",
        periodStartsOn: "2026-12-01",
        periodEndsOn: "2027-11-30",
        reasonCode: "99",
        materials: SUSPENSION,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", cause: { code: "student.unknown" } });
  });

  it("gates decide by applications.decide: a secretary may 报送 (submit) but not decide", async () => {
    const secretaryA = await w.as("secretary-a");
    const app = await secretaryA.applications.file({
      studentNo: "2025010001",
      type: "suspension",
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-11-30",
      reasonCode: "99",
      materials: SUSPENSION,
    });
    await expect(secretaryA.applications.decide({ applicationId: app.id, expectedVersion: 1, action: "submit" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "auth.forbidden" },
    });
    expect(await secretaryA.applications.submit({ applicationId: app.id, expectedVersion: 1 })).toMatchObject({
      stage: "college",
      version: 2,
    });
  });

  it("refuses a 降级 into another college's class, or a class of another intake; accepts its own major's class of the new intake", async () => {
    const secretaryA = await w.as("secretary-a");
    const demote = (changes: Record<string, string | number>) =>
      secretaryA.applications.file({ studentNo: "2025010001", type: "demotion", reasonCode: "99", materials: [], changes });
    for (const classId of [classB2026, classA2025, 2_000_000]) {
      const error = await failure(demote({ grade: 2026, classId }));
      expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { code: "application.changes-invalid" } });
    }
    const error = await failure(demote({ grade: 2026, classId: "abc" }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { code: "application.changes-invalid", params: { problem: "not-an-id" } } });
    expect(await demote({ grade: 2026, classId: classA2026 })).toMatchObject({ changes: { grade: 2026, classId: classA2026 } });
  });

  it("refuses a 转专业 to the student's own major or to a class of the new major's other intake", async () => {
    const secretaryA = await w.as("secretary-a");
    const majorB2 = await insertMajor(w.db, w.collegeB, "050262", "商务英语");
    const classB2Other = await insertClass(w.db, majorB2, "商英2401", 2024);
    const change = (changes: Record<string, string | number>) =>
      secretaryA.applications.file({ studentNo: "2025010001", type: "change-major", reasonCode: "01", materials: [], changes });
    const refused: Array<Record<string, number>> = [
      { majorId: w.majorA },
      { majorId: majorB2, classId: classB2Other },
      { majorId: majorB2, classId: classB2026 },
    ];
    for (const changes of refused) {
      await expect(change(changes)).rejects.toMatchObject({ cause: { code: "application.changes-invalid" } });
    }
  });

  it("summarises graduation for a college with its own reasons only", async () => {
    // Two graduating students per college, each short of credits.
    await w.insertStudents([
      { studentNo: "2022010001", name: "甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022020001", name: "乙", collegeId: w.collegeB, majorId: w.majorB, grade: 2022 },
      { studentNo: "2022020002", name: "丙", collegeId: w.collegeB, majorId: w.majorB, grade: 2022 },
    ]);
    for (const no of ["2022010001", "2022020001", "2022020002"])
      await w.db.update(students).set({ earnedCredits: 100, expectedGraduationDate: "2026-06-30" }).where(eq(students.studentNo, no));
    await (await w.as("registrar")).graduation.run({ cohort: 2026 });
    const forA = await (await w.as("secretary-a")).graduation.summary({ cohort: 2026 });
    expect(forA.map((c) => c.collegeId)).toEqual([w.collegeA]);
    const reasons = forA[0]?.reasons ?? {};
    expect(Object.values(reasons).every((n) => n <= 1)).toBe(true);
    expect(reasons["credits-short"]).toBe(1);
    const all = await (await w.as("registrar")).graduation.summary({ cohort: 2026 });
    expect(all.find((c) => c.collegeId === w.collegeB)?.reasons["credits-short"]).toBe(2);
  });
});
