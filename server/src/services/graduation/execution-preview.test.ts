import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApplication } from "../../../test/run-application";
import { makeWorld, type World } from "../../../test/world";
import { applications, auditEvents, studentPhotos, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

const SCHOOL = { schoolName: "长江师范学院", schoolCode: "10647", presidentName: "张某某", schoolType: "1" };

describe.each(TEST_ENGINES)("the execution preview, the refusals and the certificate list on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2022010201", name: "甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010202", name: "乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010203", name: "无照片", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010204", name: "丁", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
    ]);
    for (const [studentNo, credits] of [
      ["2022010201", 165],
      ["2022010202", 150],
      ["2022010203", 165],
      ["2022010204", 165],
    ] as const) {
      const [row] = await w.db
        .update(students)
        .set({ earnedCredits: credits, expectedGraduationDate: "2026-06-30" })
        .where(eq(students.studentNo, studentNo))
        .returning({ id: students.id });
      if (studentNo !== "2022010203")
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
          degree: { requireNoOutstandingFailures: true, maxYearsAfterLeaving: 2, conditions: [] },
          certificate: SCHOOL,
        },
        reason: "学校证书信息",
      }),
    ).toMatchObject({ status: "published" });
    const registrar = await w.as("registrar");
    await registrar.graduation.run({ cohort: 2026 });
    await (await w.as("leader-a")).graduation.advance({ cohort: 2026, from: "college-review" });
  }, 60_000);
  afterAll(() => w.database.close());

  it("says a list is not yet approved before the degree committee passed it", async () => {
    const preview = await (await w.as("registrar")).graduation.executionPreview({ cohort: 2026, collegeId: w.collegeA });
    expect(preview).toMatchObject({ approved: false, items: [], totals: { students: 0 } });
  });

  it("previews who gets what number and who is refused for which missing data, then executes exactly that", async () => {
    const registrar = await w.as("registrar");
    for (const from of ["registrar-review", "public-notice", "degree-committee"] as const)
      await registrar.graduation.advance({
        cohort: 2026,
        collegeId: w.collegeA,
        from,
        committee: { decidedOn: "2026-06-20", meetingNo: "校学位〔2026〕3号" },
      });
    const preview = await registrar.graduation.executionPreview({ cohort: 2026, collegeId: w.collegeA });
    expect(preview.totals).toEqual({ students: 4, graduate: 2, complete: 1, refused: 1, done: 0 });
    expect(preview.items.map((i) => [i.name, i.state, i.to, i.certificateNo])).toEqual([
      ["甲", "planned", "graduated", "106471202605000001"],
      ["乙", "planned", "completed", "106471202605000002"],
      ["无照片", "refused", null, null],
      ["丁", "planned", "graduated", "106471202605000003"],
    ]);
    // seed 003 第十五条: the photo is part of what the certificate registers; the refusal names it.
    expect(preview.items[2]?.refusals).toEqual([{ code: "photo-missing" }]);

    // Paged with the list's own cursor: two and two.
    const first = await registrar.graduation.executionPreview({ cohort: 2026, collegeId: w.collegeA, limit: 2 });
    const second = await registrar.graduation.executionPreview({
      cohort: 2026,
      collegeId: w.collegeA,
      limit: 2,
      cursor: first.nextCursor as string,
    });
    expect([...first.items, ...second.items].map((i) => i.studentNo)).toEqual(preview.items.map((i) => i.studentNo));
    expect(second.nextCursor).toBeNull();
    const refusedOnly = await registrar.graduation.executionPreview({ cohort: 2026, collegeId: w.collegeA, filter: "refused" });
    expect(refusedOnly.items.map((i) => i.name)).toEqual(["无照片"]);

    const done = await registrar.graduation.execute({ cohort: 2026, collegeId: w.collegeA });
    expect(done).toMatchObject({
      executed: 3,
      graduated: 2,
      completed: 1,
      refused: [{ studentNo: "2022010203", status: "enrolled", refusals: [{ code: "photo-missing" }] }],
    });
    const after = await registrar.graduation.executionPreview({ cohort: 2026, collegeId: w.collegeA });
    expect(after.items.map((i) => [i.name, i.state, i.certificateNo])).toEqual([
      ["甲", "done", "106471202605000001"],
      ["乙", "done", "106471202605000002"],
      ["无照片", "refused", null],
      ["丁", "done", "106471202605000003"],
    ]);
    const [event] = await w.db.select().from(auditEvents).where(eq(auditEvents.action, "graduation.execute"));
    expect(event?.after).toMatchObject({ refused: [{ studentNo: "2022010203", refusals: [{ code: "photo-missing" }] }] });
  });

  it("lists the certificates by number, narrows by college and kind, and exports them as text", async () => {
    const registrar = await w.as("registrar");
    const list = await registrar.graduation.certificates({ year: 2026 });
    expect(list.items.map((c) => [c.certificateNo, c.kind, c.name, c.majorName])).toEqual([
      ["106471202605000001", "graduation", "甲", "计算机科学与技术"],
      ["106471202605000002", "completion", "乙", "计算机科学与技术"],
      ["106471202605000003", "graduation", "丁", "计算机科学与技术"],
    ]);
    expect((await registrar.graduation.certificates({ year: 2026, kind: "completion" })).items.map((c) => c.name)).toEqual(["乙"]);
    expect((await registrar.graduation.certificates({ year: 2026, collegeId: w.collegeB })).items).toEqual([]);
    expect((await registrar.graduation.certificates({ year: 2025 })).items).toEqual([]);
    const paged = await registrar.graduation.certificates({ year: 2026, limit: 2 });
    const rest = await registrar.graduation.certificates({ year: 2026, limit: 2, cursor: paged.nextCursor as string });
    expect(rest.items.map((c) => c.name)).toEqual(["丁"]);
    // A college's secretary sees her own college's, and nobody else's.
    expect((await (await w.as("secretary-b")).graduation.certificates({ year: 2026 })).items).toEqual([]);

    const file = await registrar.graduation.exportCertificates({ year: 2026 });
    expect(file).toMatchObject({ fileName: "学历证书名单-2026.xlsx", rows: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, "base64") as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      "证书编号",
      "证书类别",
      "学号",
      "姓名",
      "学院",
      "专业",
      "发证日期",
      "学位",
      "通知单号",
      "证书状态",
    ]);
    expect(((sheet?.getRow(3).values ?? []) as unknown[]).slice(1, 8)).toEqual([
      "106471202605000001",
      "毕业证书",
      "2022010201",
      "甲",
      "信息工程学院",
      "计算机科学与技术",
      "2026-06-30",
    ]);
    // seed 003 第十四条: a certificate in force reads 有效 (a replaced one 已换发作废, graduation-execution.test.ts).
    expect(sheet?.getRow(3).getCell(10).value).toBe("有效");
  });

  it("records a 结业换毕业 with the registrar's reason on its application and the new certificate in its audit event", async () => {
    await w.db.update(students).set({ earnedCredits: 161 }).where(eq(students.studentNo, "2022010202"));
    const filed = await (await w.as("registrar", "2026-12-30")).graduation.convertCompletion({
      studentNo: "2022010202",
      reason: "补考通过",
    });
    const [app] = await w.db.select().from(applications).where(eq(applications.id, filed.applicationId));
    expect(app?.note).toBe("补考通过");
    await runApplication(w, filed.applicationId, { today: "2026-12-30" });
    const events = await w.db.select().from(auditEvents).where(eq(auditEvents.action, "application.advance"));
    expect(events.map((e) => (e.after as { certificate?: { certificateNo: string } }).certificate?.certificateNo)).toContain(
      "106471202605000004",
    );
  });
});
