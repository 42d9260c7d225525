import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents, students } from "../../db/schema";
import { makeIdNumber } from "../../db/seed-basics";
import { TEST_ENGINES } from "../../db/test-database";

const YEAR = "2026-2027";

describe.each(TEST_ENGINES)("新生电子注册 checks the admission rules again on %s", (engine) => {
  let w: World;
  const shared = makeIdNumber("2007-05-01", "1", 91);
  const twin = makeIdNumber("2007-07-01", "1", 93);
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      // Admitted as 预科 but recorded at 本科 since the import (seed 003 第五条).
      { studentNo: "2026017101", name: "预科甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2026, status: "reported" },
      // Admitted as 预科 and recorded as 预科: registered.
      { studentNo: "2026017102", name: "预科乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2026, status: "reported" },
      // Readmitted while the old 学籍 is still 休学 under another 学号 (seed 003 第七条).
      {
        studentNo: "2026017103",
        name: "重录丙",
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2026,
        status: "reported",
        idNumber: shared,
      },
      {
        studentNo: "2024017104",
        name: "重录丙",
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2024,
        status: "suspended",
        idNumber: shared,
      },
      // An earlier 学籍 that ended (退学) holds nothing: registered.
      {
        studentNo: "2026017105",
        name: "再考丁",
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2026,
        status: "reported",
        idNumber: makeIdNumber("2007-06-01", "2", 92),
      },
      {
        studentNo: "2023017106",
        name: "再考丁",
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2023,
        status: "withdrawn",
        idNumber: makeIdNumber("2007-06-01", "2", 92),
      },
      // Two admissions of this intake with one 身份证号 (seed 003 第七条 within the batch): neither registers.
      ...["2026017107", "2026017108"].map((studentNo, i) => ({
        studentNo,
        name: `同号${i === 0 ? "戊" : "己"}`,
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2026,
        status: "reported" as const,
        idNumber: twin,
      })),
    ]);
    await w.db
      .update(students)
      .set({ admissionType: "预科" })
      .where(inArray(students.studentNo, ["2026017101", "2026017102"]));
    await w.db.update(students).set({ level: "09" }).where(eq(students.studentNo, "2026017102"));
  }, 60_000);
  afterAll(() => w.database.close());

  it("holds back a 预科 admission not at 预科, an ID number with a live 学籍 and two admissions sharing one, naming each; registers the rest", async () => {
    const registrar = await w.as("registrar");
    const result = await registrar.registration.registerNewStudents({ academicYear: YEAR, collegeId: w.collegeA });
    expect(result).toEqual({
      registered: 2,
      heldBack: [
        { studentNo: "2026017101", name: "预科甲", rule: "preparatory-level" },
        { studentNo: "2026017103", name: "重录丙", rule: "live-status-held", holder: "2024017104" },
        { studentNo: "2026017107", name: "同号戊", rule: "same-id-reported", others: ["2026017108"] },
        { studentNo: "2026017108", name: "同号己", rule: "same-id-reported", others: ["2026017107"] },
      ],
    });
    const statuses = Object.fromEntries(
      (await w.db.select({ no: students.studentNo, status: students.status }).from(students)).map((s) => [s.no, s.status]),
    );
    expect(statuses).toMatchObject({
      "2026017101": "reported",
      "2026017102": "enrolled",
      "2026017103": "reported",
      "2026017105": "enrolled",
      "2026017107": "reported",
      "2026017108": "reported",
    });
    const [event] = await w.db.select().from(auditEvents).where(eq(auditEvents.action, "registration.new-students"));
    expect(event?.after).toMatchObject({ registered: 2, heldBack: ["2026017101", "2026017103", "2026017107", "2026017108"] });

    // Once the old 学籍 has ended (its 退学 carried out), the new admission registers.
    await w.db.update(students).set({ status: "withdrawn" }).where(eq(students.studentNo, "2024017104"));
    expect(await registrar.registration.registerNewStudents({ academicYear: YEAR, collegeId: w.collegeA })).toEqual({
      registered: 1,
      heldBack: [
        { studentNo: "2026017101", name: "预科甲", rule: "preparatory-level" },
        { studentNo: "2026017107", name: "同号戊", rule: "same-id-reported", others: ["2026017108"] },
        { studentNo: "2026017108", name: "同号己", rule: "same-id-reported", others: ["2026017107"] },
      ],
    });

    // Once the registrar finds the duplicate admission and cancels it (取消入学资格), the real one registers.
    await w.db.update(students).set({ status: "admission-cancelled" }).where(eq(students.studentNo, "2026017108"));
    expect(await registrar.registration.registerNewStudents({ academicYear: YEAR, collegeId: w.collegeA })).toEqual({
      registered: 1,
      heldBack: [{ studentNo: "2026017101", name: "预科甲", rule: "preparatory-level" }],
    });
    expect((await w.db.select({ status: students.status }).from(students).where(eq(students.studentNo, "2026017107")))[0]?.status).toBe(
      "enrolled",
    );
  });
});
