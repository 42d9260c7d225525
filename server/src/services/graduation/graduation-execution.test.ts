import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApplication } from "../../../test/run-application";
import { makeWorld, type World } from "../../../test/world";
import { graduationCertificates, statusChanges, studentPhotos, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

const SCHOOL = { schoolName: "长江师范学院", schoolCode: "10647", presidentName: "张某某", schoolType: "1" };

describe.each(TEST_ENGINES)("executing graduation audits and 结业换毕业 on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2022010101", name: "毕业甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010102", name: "绩点乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010103", name: "结业丙", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
    ]);
    for (const [studentNo, credits, gpa] of [
      ["2022010101", 165, 3.1],
      ["2022010102", 165, 1.8],
      ["2022010103", 150, 2.5],
    ] as const) {
      const [row] = await w.db
        .update(students)
        .set({ earnedCredits: credits, gpa, expectedGraduationDate: "2026-06-30" })
        .where(eq(students.studentNo, studentNo))
        .returning({ id: students.id });
      await w.db.insert(studentPhotos).values({ studentId: row?.id as number, width: 480, height: 640, bytes: 30_000 });
    }
  }, 60_000);
  afterAll(() => w.database.close());

  const rules = (extra: Record<string, unknown> = {}) => ({
    maxStudyYears: { "05": 6, "06": 5, "15": 6 },
    photo: { width: 480, height: 640, minBytes: 1024, maxBytes: 102_400 },
    degree: {
      requireNoOutstandingFailures: true,
      maxYearsAfterLeaving: 2,
      conditions: [{ key: "gpa", name: { "zh-CN": "平均学分绩点", en: "GPA" }, fact: "gpa", op: "min", value: 2 }],
    },
    certificate: SCHOOL,
    ...extra,
  });

  it("brings GPA and other facts into the record for the degree conditions to read", async () => {
    const registrar = await w.as("registrar");
    expect(
      await registrar.graduation.recordFacts({
        items: [
          { studentNo: "2022010101", gpa: 3.1, facts: { cet4: true } },
          { studentNo: "2022010102", gpa: 1.8 },
          { studentNo: "2099999999", gpa: 3 },
        ],
      }),
    ).toEqual({ updated: 2, unknown: ["2099999999"] });
    const [a] = await w.db.select({ gpa: students.gpa, facts: students.facts }).from(students).where(eq(students.studentNo, "2022010101"));
    expect(a).toEqual({ gpa: 3.1, facts: { cet4: true } });
  });

  it("reads the graduation-audit rules in force as a versioned setting: a GPA condition withholds a degree", async () => {
    const leader = await w.as("registrar-leader");
    expect(
      await leader.settings.publish({
        kind: "graduation-audit",
        key: "default",
        validFrom: "2025-2026",
        value: rules(),
        reason: "学位授予条件：绩点 2.0",
      }),
    ).toMatchObject({ status: "published" });
    const registrar = await w.as("registrar");
    expect(await registrar.graduation.run({ cohort: 2026 })).toEqual({ audited: 3, graduate: 2, complete: 1 });
    const list = (await registrar.graduation.list({ cohort: 2026 })).items;
    expect(Object.fromEntries(list.map((a) => [a.name, [a.outcome, a.degree]]))).toEqual({
      毕业甲: ["graduate", "award"],
      绩点乙: ["graduate", "withhold"],
      结业丙: ["complete", "withhold"],
    });
  });

  it("executes only a list the degree committee passed, setting 毕业 or 结业 and numbering each certificate", async () => {
    const registrar = await w.as("registrar");
    await expect(registrar.graduation.execute({ cohort: 2026, collegeId: w.collegeA })).rejects.toMatchObject({
      cause: { code: "graduation.not-approved" },
    });
    await (await w.as("leader-a")).graduation.advance({ cohort: 2026, from: "college-review" });
    for (const from of ["registrar-review", "public-notice", "degree-committee"] as const)
      await registrar.graduation.advance({
        cohort: 2026,
        collegeId: w.collegeA,
        from,
        committee: { decidedOn: "2026-06-20", meetingNo: "校学位〔2026〕3号" },
      });
    const done = await registrar.graduation.execute({ cohort: 2026, collegeId: w.collegeA });
    expect(done).toMatchObject({ executed: 3, graduated: 2, completed: 1, refused: [] });
    const byName = Object.fromEntries(
      (
        await w.db
          .select({
            name: students.name,
            status: students.status,
            no: graduationCertificates.certificateNo,
            kind: graduationCertificates.kind,
            degree: graduationCertificates.degreeAwarded,
            issued: graduationCertificates.issueDate,
            school: graduationCertificates.schoolName,
            president: graduationCertificates.presidentName,
          })
          .from(graduationCertificates)
          .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      ).map((r) => [r.name, r]),
    );
    // seed 003 第十五条 学校名称、校（院）长姓名及证书编号; 第十六条 发证日期与毕业日期一致; docs/domain.md §6 18 digits.
    expect(byName.毕业甲).toEqual({
      name: "毕业甲",
      status: "graduated",
      no: "106471202605000001",
      kind: "graduation",
      degree: true,
      issued: "2026-06-30",
      school: "长江师范学院",
      president: "张某某",
    });
    expect(byName.绩点乙).toMatchObject({ status: "graduated", no: "106471202605000002", degree: false });
    expect(byName.结业丙).toMatchObject({ status: "completed", no: "106471202605000003", kind: "completion", degree: false });
    const history = await w.db
      .select()
      .from(statusChanges)
      .where(eq(statusChanges.noticeNo, done.noticeNo as string));
    expect(history).toHaveLength(3);
    // Again: nothing is executed twice.
    expect(await registrar.graduation.execute({ cohort: 2026, collegeId: w.collegeA })).toMatchObject({ executed: 0 });
  });

  it("seed 002 三.2 结业换毕业: filed once the make-up is passed, signed by 处长 and 校领导, the 结业证书 replaced (seed 003 第十四条)", async () => {
    const registrar = await w.as("registrar", "2026-12-30");
    await expect(
      registrar.graduation.convertCompletion({ studentNo: "2022010103", reason: "补考通过，申请结业换毕业" }),
    ).rejects.toMatchObject({
      cause: { code: "graduation.still-not-eligible" },
    });
    await w.db.update(students).set({ earnedCredits: 161 }).where(eq(students.studentNo, "2022010103"));
    const filed = await registrar.graduation.convertCompletion({ studentNo: "2022010103", reason: "补考通过，申请结业换毕业" });
    // No longer one registrar call: it waits for the 教务处 review, then the signatures.
    expect(filed.stage).toBe("registrar");
    const [student] = await w.db.select({ status: students.status }).from(students).where(eq(students.studentNo, "2022010103"));
    expect(student?.status).toBe("completed");
    await runApplication(w, filed.applicationId, { today: "2026-12-30" });
    const certificates = await w.db
      .select({
        no: graduationCertificates.certificateNo,
        kind: graduationCertificates.kind,
        degree: graduationCertificates.degreeAwarded,
        replacedBy: graduationCertificates.replacedBy,
        voidedOn: graduationCertificates.voidedOn,
        id: graduationCertificates.id,
      })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      .where(eq(students.studentNo, "2022010103"))
      .orderBy(graduationCertificates.id);
    const [old, fresh] = certificates;
    expect(fresh).toMatchObject({ no: "106471202605000004", kind: "graduation", degree: true, replacedBy: null });
    expect(old).toMatchObject({ no: "106471202605000003", kind: "completion", replacedBy: fresh?.id, voidedOn: "2026-12-30" });
    await expect(
      registrar.graduation.convertCompletion({ studentNo: "2022010103", reason: "补考通过，申请结业换毕业" }),
    ).rejects.toMatchObject({
      cause: { code: "graduation.not-completed" },
    });
    await expect(
      (await w.as("secretary-a")).graduation.convertCompletion({ studentNo: "2022010103", reason: "补考通过，申请结业换毕业" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses to number certificates before the school's name, code and president are set", async () => {
    const leader = await w.as("registrar-leader");
    expect(
      await leader.settings.publish({
        kind: "graduation-audit",
        key: "default",
        validFrom: "2027-2028",
        value: rules({ certificate: { ...SCHOOL, presidentName: "", schoolCode: "" } }),
        reason: "测试",
      }),
    ).toMatchObject({ status: "published" });
    await w.insertStudents([
      { studentNo: "2024010109", name: "后来", collegeId: w.collegeA, majorId: w.majorA, grade: 2024, status: "completed" },
    ]);
    await expect(
      (await w.as("registrar", "2028-06-30")).graduation.convertCompletion({ studentNo: "2024010109", reason: "补考通过" }),
    ).rejects.toMatchObject({
      cause: { code: "graduation.certificate-school-missing", params: { fields: "学校代码、校（院）长姓名" } },
    });
  });
});
