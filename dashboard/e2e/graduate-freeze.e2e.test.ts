// @vitest-environment node
import { join } from "node:path";
import { DEFAULT_REGISTRAR_CALENDAR, GRADUATE_FREEZE_TASK } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { applications, auditEvents, students, users } from "../../server/src/db/schema";
import { currentAcademicYear } from "../../server/src/services/organisation/current-academic-year";
import { saveSetting } from "../../server/src/services/settings/settings-store";
import { describeInChromium } from "../../test/chromium";
import { fileNameChange, firstSecretary, studentWithNothingFiled } from "./demo-picks";
import { ARTIFACTS, dashboardInChromium } from "./harness";

/**
 * seed 000 六.1 “毕业生所有信息在当年的四月底之后不再进行更改及补充”: from the registrar calendar's day, a 学籍信息修改
 * for a graduate of the year is refused in the filing dialog; the student card shows the freeze, the registrar
 * leader lifts it for the student with a reason, and the card says who lifted it and why.
 */
describeInChromium("the graduates' data freeze, in Chromium against a real server", () => {
  let secretary: { username: string };
  let graduate: { id: number; studentNo: string; name: string };
  let from: string;
  const dashboard = dashboardInChromium({
    viewport: { width: 1440, height: 1100 },
    async setUp({ db, today }) {
      const academicYear = await currentAcademicYear(db, today);
      const start = Number(academicYear.slice(0, 4));
      // The school moves its freeze row to August, so that it holds today whatever day the test runs in the year.
      const [leader] = await db.select({ id: users.id }).from(users).where(eq(users.role, "registrar-leader")).limit(1);
      await saveSetting(db, {
        actor: { userId: leader?.id as number, role: "registrar-leader", requestId: "freeze-e2e" },
        kind: "registrar-calendar",
        key: "default",
        validFrom: academicYear,
        value: { tasks: DEFAULT_REGISTRAR_CALENDAR.map((t) => (t.key === GRADUATE_FREEZE_TASK ? { ...t, term: 1, month: 8 } : t)) },
        reason: "毕业生信息冻结提前（测试）",
      });
      from = `${start}-09-01`;
      const first = await firstSecretary(db);
      secretary = first;
      graduate = await studentWithNothingFiled(db, first.collegeId);
      await db
        .update(students)
        .set({ expectedGraduationDate: `${start + 1}-06-30` })
        .where(eq(students.id, graduate.id));
    },
  });

  it("seed 000 六.1: a 学籍信息修改 for a graduate of the year is refused, naming the day and who can lift it", async () => {
    const page = await dashboard.signIn(secretary.username);
    const dialog = await fileNameChange(page, dashboard.base, graduate.studentNo);
    await dialog.getByText(/应届毕业生信息自 .* 起冻结（此后不再更改及补充）/).waitFor();
    await dialog.getByText(/须教务处分管领导为该生解除冻结/).scrollIntoViewIfNeeded();
    expect(await dialog.textContent()).toContain(from.replaceAll("-", "/"));
    await page.screenshot({ path: join(ARTIFACTS, "freeze-identity-change-refused.png"), fullPage: true });
    expect(await dashboard.db.select().from(applications).where(eq(applications.studentId, graduate.id))).toEqual([]);
    await page.close();
  }, 180_000);

  it("the card shows the freeze; the registrar leader lifts it with a reason; the card names who and why; the change is filed", async () => {
    const leader = await dashboard.signIn("registrar-leader");
    await dashboard.openStudent(leader, graduate.studentNo);
    const notice = leader.getByTestId("freeze-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("应届毕业生信息已冻结");
    await leader.screenshot({ path: join(ARTIFACTS, "freeze-student-card.png"), fullPage: true });
    await notice.getByRole("button", { name: "为该生解除冻结" }).click();
    const dialog = leader.getByRole("dialog");
    await dialog.getByLabel("解除理由").fill("派出所更名证明四月前已出具，学生未及时提交");
    await leader.screenshot({ path: join(ARTIFACTS, "freeze-lift-dialog.png"), fullPage: true });
    await dialog.getByRole("button", { name: "解除冻结" }).click();
    const lifted = leader.getByTestId("freeze-lifted");
    await lifted.waitFor();
    expect(await lifted.textContent()).toContain("派出所更名证明四月前已出具");
    await leader.screenshot({ path: join(ARTIFACTS, "freeze-lifted-card.png"), fullPage: true });
    const [event] = await dashboard.db.select().from(auditEvents).where(eq(auditEvents.action, "student.lift-freeze"));
    expect(event?.entityId).toBe(graduate.studentNo);
    await leader.close();

    const page = await dashboard.signIn(secretary.username);
    const filing = await fileNameChange(page, dashboard.base, graduate.studentNo);
    await filing.waitFor({ state: "detached" });
    expect(await dashboard.db.select().from(applications).where(eq(applications.studentId, graduate.id))).toHaveLength(1);
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("the audit and the execution of the year's cohort say the data is frozen, and name the student it was lifted for and why", async () => {
    const page = await dashboard.signIn(secretary.username);
    const cohort = Number(from.slice(0, 4)) + 1;
    for (const view of ["audit", "execute"]) {
      await page.goto(`${dashboard.base}/graduation?cohort=${cohort}${view === "execute" ? "&view=execute" : ""}`);
      const banner = page.getByTestId("graduation-freeze");
      await banner.waitFor();
      const text = await banner.textContent();
      expect(text).toContain(`${cohort} 届毕业生信息自`);
      expect(text).toContain("起冻结");
      expect(text).toContain(`${graduate.studentNo} ${graduate.name}：派出所更名证明四月前已出具`);
      await page.screenshot({ path: join(ARTIFACTS, `freeze-graduation-${view}.png`), fullPage: true });
    }
    // Another cohort's pages say nothing of this year's freeze.
    await page.goto(`${dashboard.base}/graduation?cohort=${cohort - 1}`);
    await page.getByRole("tab", { name: "毕业审核" }).waitFor();
    expect(await page.getByTestId("graduation-freeze").count()).toBe(0);
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 180_000);
});
