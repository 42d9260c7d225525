// @vitest-environment node
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { applications, graduationCertificates, majors, studentPhotos, students, users } from "../../server/src/db/schema";
import { insertMajor, insertStudents } from "../../server/src/db/seed-basics";
import { decideApplication } from "../../server/src/services/applications/decide-application";
import { fileApplication } from "../../server/src/services/applications/file-application";
import { executeAudits } from "../../server/src/services/graduation/execute-audits";
import { describeInChromium } from "../../test/chromium";
import { firstCollege, passCohortAudit } from "./demo-picks";
import { ARTIFACTS, dashboardInChromium } from "./harness";

// The demo's students graduate from 2026: the 2025 cohort is this test's own.
const COHORT = 2025;

describeInChromium("degrees and certificate papers (seed 000 六, 八; seed 002 三.2), in Chromium against a real server", () => {
  let college: { id: number; name: string };
  const dashboard = dashboardInChromium({
    viewport: { width: 1440, height: 1100 },
    async setUp({ db }) {
      college = await firstCollege(db);
      const [undergraduate] = await db.select({ id: majors.id }).from(majors).where(eq(majors.collegeId, college.id)).limit(1);
      const junior = await insertMajor(db, college.id, "510201", "计算机应用技术", "06");
      await insertStudents(db, [
        { studentNo: "2022990001", name: "专科甲", collegeId: college.id, majorId: junior, grade: 2022 },
        { studentNo: "2021990002", name: "结业乙", collegeId: college.id, majorId: undergraduate?.id as number, grade: 2021 },
      ]);
      await db
        .update(students)
        .set({ level: "06", duration: 3, earnedCredits: 125, gpa: 3.4, expectedGraduationDate: `${COHORT}-06-30` })
        .where(eq(students.studentNo, "2022990001"));
      await db
        .update(students)
        .set({ earnedCredits: 150, gpa: 3.0, expectedGraduationDate: `${COHORT}-06-30` })
        .where(eq(students.studentNo, "2021990002"));
      for (const s of await db.select({ id: students.id }).from(students).where(eq(students.grade, 2021)))
        await db.insert(studentPhotos).values({ studentId: s.id, width: 480, height: 640, bytes: 30_000 }).onConflictDoNothing();
      const [j] = await db.select({ id: students.id }).from(students).where(eq(students.studentNo, "2022990001"));
      await db.insert(studentPhotos).values({ studentId: j?.id as number, width: 480, height: 640, bytes: 30_000 });
      // The cohort audited, passed by the 学位委员会 (its minutes recorded) and carried out: 毕业 for 甲, 结业 for 乙.
      const actor = await passCohortAudit(db, { cohort: COHORT, collegeId: college.id, requestId: "degrees-e2e" });
      await executeAudits(db, { actor, cohort: COHORT, collegeId: college.id, today: "2025-07-01" });
    },
  });

  /** 通过 at the application's current stage, by whoever holds it. */
  async function pass(username: string, id: number, stageAfter: string) {
    const page = await dashboard.signIn(username, { path: `/applications/${id}` });
    await page.getByRole("radio", { name: "通过" }).waitFor();
    const opinion = page.getByLabel("意见", { exact: true });
    if (await opinion.count()) await opinion.fill("同意");
    await page.getByRole("button", { name: "通过" }).click();
    await page.getByText(`已处理，现处于“${stageAfter}”。`).waitFor();
    return page;
  }

  it("seed 000 六.3 / seed 001 七: a 专科 graduate graduates without a degree, the level the only reason", async () => {
    const page = await dashboard.signIn("registrar", { path: `/graduation?cohort=${COHORT}&collegeId=${college.id}&every=true` });
    const drill = page.getByRole("region", { name: `${college.name} · 逐人结果` });
    const row = drill.getByRole("row").filter({ hasText: "专科甲" });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/不授予[\s\S]*学位：专科、预科学生不授予学士学位/);
    expect(await row.innerText()).not.toMatch(/平均学分绩点|绩点/);
    await page.screenshot({ path: join(ARTIFACTS, "degrees-junior-no-degree.png"), fullPage: true });
    const [certificate] = await dashboard.db
      .select({ degree: graduationCertificates.degreeAwarded })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      .where(eq(students.studentNo, "2022990001"));
    expect(certificate?.degree).toBe(false);
    // 学位补授 (seed 000 六.5) is offered to a graduate without a 学士学位 only where the level can have one: never to a
    // 专科 graduate (seed 000 六.3; seed 001 七) — the server refuses it too (degrees.test.ts).
    expect(await row.getByRole("button", { name: "学位补授（专科甲）" }).count()).toBe(0);
    expect(await row.getByRole("button", { name: "修改资料（专科甲）" }).count()).toBe(1);
    const [after] = await dashboard.db
      .select({ degree: graduationCertificates.degreeAwarded })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      .where(eq(students.studentNo, "2022990001"));
    expect(after?.degree).toBe(false);
    await page.close();
  }, 120_000);

  it("seed 002 三.2 结业换毕业: filed from the list, signed by 处长 and 校领导, the 结业证书 replaced on the student card", async () => {
    await dashboard.db.update(students).set({ earnedCredits: 165 }).where(eq(students.studentNo, "2021990002"));
    const page = await dashboard.signIn("registrar", { path: `/graduation?cohort=${COHORT}&collegeId=${college.id}` });
    const drill = page.getByRole("region", { name: `${college.name} · 逐人结果` });
    await drill
      .getByRole("row")
      .filter({ hasText: "结业乙" })
      .getByRole("button", { name: /^结业换毕业/ })
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: /原因/ }).fill("补考全部通过，学分已修满");
    await page.screenshot({ path: join(ARTIFACTS, "degrees-convert-dialog.png") });
    await dialog.getByRole("button", { name: "提交申请" }).click();
    const filed = page.getByText(/^已提交 结业乙 的结业换毕业申请（#(\d+)），待教务处审核、处长和校领导签字。$/);
    await filed.waitFor();
    const id = Number(((await filed.innerText()).match(/#(\d+)/) as RegExpMatchArray)[1]);
    await page.close();

    await (await pass("registrar", id, "教务处处长签字")).close();
    // The registrar cannot sign for the 处长.
    const registrar = await dashboard.signIn("registrar", { path: `/applications/${id}` });
    await registrar.getByTestId("waiting-for").waitFor();
    expect(await registrar.getByRole("radio", { name: "通过" }).count()).toBe(0);
    await registrar.close();
    await (await pass("registrar-leader", id, "主管教学校领导签字")).close();
    const leader = await pass("school-leader", id, "办理");
    await leader.screenshot({ path: join(ARTIFACTS, "degrees-conversion-signed.png"), fullPage: true });
    await leader.close();
    await (await pass("registrar", id, "上报")).close();

    const [student] = await dashboard.db.select({ status: students.status }).from(students).where(eq(students.studentNo, "2021990002"));
    expect(student?.status).toBe("graduated");
    const card = await dashboard.signIn("registrar");
    await dashboard.openStudent(card, "2021990002");
    const table = card.getByRole("table", { name: "学历证书" });
    await table.waitFor();
    const rows = await table.getByRole("row").allInnerTexts();
    expect(rows.some((r) => /结业证书[\s\S]*已换发作废/.test(r))).toBe(true);
    expect(rows.some((r) => /毕业证书[\s\S]*授予[\s\S]*有效/.test(r))).toBe(true);
    await card.screenshot({ path: join(ARTIFACTS, "degrees-student-card-replaced.png"), fullPage: true });
    await card.close();
  }, 240_000);

  it("seed 000 八 学历（学位）勘误: a graduate's name corrected through its chain, effective on 学信网's approval", async () => {
    const db = dashboard.db;
    const [secretary] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "secretary"), eq(users.collegeId, college.id)))
      .limit(1);
    const [leader] = await db
      .select({ username: users.username })
      .from(users)
      .where(and(eq(users.role, "college-leader"), eq(users.collegeId, college.id)))
      .limit(1);
    const actor = { userId: secretary?.id as number, role: "secretary" as const, collegeId: college.id, requestId: "degrees-e2e" };
    const today = dashboard.served.today;
    const app = await fileApplication(db, {
      actor,
      scopeCollegeId: college.id,
      studentNo: "2022990001",
      type: "record-correction",
      reasonCode: "pre-graduation-error",
      materials: ["correction-form", "diploma-copy", "admission-summary", "household-book-before", "id-copy-before"],
      changes: { name: "专科甲勘" },
      today,
    });
    await decideApplication(db, { actor, applicationId: app.id, expectedVersion: app.version, action: "submit", today });
    await (await pass(leader?.username as string, app.id, "教务处学籍中心审核")).close();
    await (await pass("registrar", app.id, "教务处处长签字")).close();
    await (await pass("registrar-leader", app.id, "办理")).close();
    await (await pass("registrar", app.id, "上报")).close();
    const done = await pass("registrar", app.id, "生效");
    await done.screenshot({ path: join(ARTIFACTS, "degrees-correction-effective.png"), fullPage: true });
    await done.close();
    const [student] = await db.select({ name: students.name }).from(students).where(eq(students.studentNo, "2022990001"));
    expect(student?.name).toBe("专科甲勘");
    const [stored] = await db.select({ state: applications.state }).from(applications).where(eq(applications.id, app.id));
    expect(stored?.state).toBe("done");
    expect(dashboard.problems).toEqual([]);
  }, 240_000);
});
