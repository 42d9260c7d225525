import type { TRPCError } from "@trpc/server";
import { CERTIFICATE_REPLACEMENT_FEE_YUAN, DEFAULT_WORKFLOWS, requiredMaterials } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApplication } from "../../../test/run-application";
import { makeWorld, type World } from "../../../test/world";
import { applicationDecisions, applications, graduationCertificates, statusDocuments, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

const DAY = "2026-11-23";

/** seed 000 四, seed 002 三.3, seed 003 第十七条: 补发毕业证明书 for a lost 学历证书. */
describe.each(TEST_ENGINES)("seed 000 四 / 002 三.3: 补发毕业证明书 on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2021010201", name: "遗失甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2021, status: "graduated" },
      { studentNo: "2021010202", name: "无证乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2021, status: "graduated" },
      { studentNo: "2023010203", name: "在读丙", collegeId: w.collegeA, majorId: w.majorA, grade: 2023 },
    ]);
    const [s] = await w.db.select().from(students).where(eq(students.studentNo, "2021010201"));
    await w.db.insert(graduationCertificates).values({
      studentId: s?.id as number,
      kind: "graduation",
      certificateNo: "105421202505000123",
      schoolName: "测试大学",
      presidentName: "校长",
      issueDate: "2025-06-30",
      degreeAwarded: true,
    });
  }, 60_000);
  afterAll(() => w.database.close());

  const file = async (studentNo: string) => {
    const workflow = DEFAULT_WORKFLOWS["certificate-replacement"];
    return (await w.as("registrar", DAY)).applications.file({
      studentNo,
      type: "certificate-replacement",
      reasonCode: "lost",
      materials: requiredMaterials(workflow, "lost") as never,
    });
  };

  it("the chain is 学籍科 → 财务处交费 50 元 → 教务处处长 → 主管教学校领导, with the photo and the fee's receipt", () => {
    const workflow = DEFAULT_WORKFLOWS["certificate-replacement"];
    expect(workflow.stages.map((s) => [s.key, s.role, s.signOff ?? false])).toEqual([
      ["registrar", "registrar-staff", false],
      ["finance-office", "secretary", true],
      ["registrar-head", "registrar-leader", false],
      ["school-leader", "school-leader", false],
    ]);
    expect(workflow.stages[1]?.name["zh-CN"]).toContain(`${CERTIFICATE_REPLACEMENT_FEE_YUAN} 元`);
    expect(workflow.materials).toEqual(expect.arrayContaining(["blue-photo", "fee-receipt", "student-id-copy"]));
  });

  it("is refused when filed for a graduate with no certificate and for a student still 在读", async () => {
    for (const studentNo of ["2021010202", "2023010203"]) {
      const error = await file(studentNo).catch((e: TRPCError) => e);
      expect(error, studentNo).toMatchObject({ cause: { code: "application.no-certificate" } });
    }
  });

  it("ends in a numbered 证明书 that names the certificate it replaces, printed first without a 补打 mark", async () => {
    const app = await file("2021010201");
    const done = await runApplication(w, app.id, { today: DAY });
    expect(done).toMatchObject({ state: "done" });
    const stages = await w.db
      .select({ from: applicationDecisions.fromStage })
      .from(applicationDecisions)
      .where(eq(applicationDecisions.applicationId, app.id));
    expect(stages.map((s) => s.from)).toEqual(expect.arrayContaining(["registrar", "registrar-head", "school-leader"]));
    const [paper] = await w.db.select().from(statusDocuments).where(eq(statusDocuments.kind, "replacement"));
    expect(paper?.documentNo).toMatch(/^ZM2026\d{6}$/);
    expect(paper?.printed?.title).toBe("毕业证明书");
    expect(paper?.printed?.body).toContain("原毕业证书（编号 105421202505000123）遗失");
    expect(paper?.awaitingPrint).toBe(true);
    const [row] = await w.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row?.noticeNo).toBeTruthy();

    const registrar = await w.as("registrar", DAY);
    const listed = await registrar.reports.documents({ studentNo: "2021010201" });
    expect(listed[0]).toMatchObject({ kind: "replacement", documentNo: paper?.documentNo });
    const printed = await registrar.reports.reprintDocument({ documentNo: paper?.documentNo as string });
    expect(printed).toMatchObject({ reprintCount: 0, reprintedOn: null });
    expect(printed.html).toContain("105421202505000123");
    expect(printed.html).not.toContain("补打");
    // A second printing is a 补打.
    expect((await registrar.reports.reprintDocument({ documentNo: paper?.documentNo as string })).reprintCount).toBe(1);
  });
});
