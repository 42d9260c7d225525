// @vitest-environment node
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_REGISTRAR_CALENDAR, GRADUATE_FREEZE_TASK } from "@xueji/shared";
import { and, eq, notExists } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applications, auditEvents, students, users } from "../../server/src/db/schema";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { currentAcademicYear } from "../../server/src/services/organisation/current-academic-year";
import { saveSetting } from "../../server/src/services/settings/settings-store";
import { CHROMIUM, describeInChromium } from "../../test/chromium";
import { serveDashboard } from "./serve-dashboard";

const ARTIFACTS = process.env.SHOTS_DIR ?? join(import.meta.dirname, "artifacts");

/**
 * seed 000 六.1 “毕业生所有信息在当年的四月底之后不再进行更改及补充”: from the registrar calendar's day, a 学籍信息修改
 * for a graduate of the year is refused in the filing dialog; the student card shows the freeze, the registrar
 * leader lifts it for the student with a reason, and the card says who lifted it and why.
 */
describeInChromium("the graduates' data freeze, in Chromium against a real server", () => {
  let served: Awaited<ReturnType<typeof serveDashboard>>;
  let browser: Browser;
  let secretary: { username: string };
  let graduate: { id: number; studentNo: string; name: string };
  let from: string;
  const problems: string[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    served = await serveDashboard();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    const db = served.db;
    const today = new Date().toISOString().slice(0, 10);
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
    const [s] = await db
      .select({ username: users.username, collegeId: users.collegeId })
      .from(users)
      .where(eq(users.role, "secretary"))
      .orderBy(users.username)
      .limit(1);
    secretary = { username: s?.username as string };
    const [g] = await db
      .select({ id: students.id, studentNo: students.studentNo, name: students.name })
      .from(students)
      .where(
        and(
          eq(students.collegeId, s?.collegeId as number),
          eq(students.status, "enrolled"),
          // One the demo has filed nothing for: what the test files (or is refused) is then all there is.
          notExists(served.db.select({ id: applications.id }).from(applications).where(eq(applications.studentId, students.id))),
        ),
      )
      .orderBy(students.studentNo)
      .limit(1);
    graduate = g as typeof graduate;
    await db
      .update(students)
      .set({ expectedGraduationDate: `${start + 1}-06-30` })
      .where(eq(students.id, graduate.id));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${served.base}/`);
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    return page;
  }

  async function fileRename(page: Page) {
    await page.goto(`${served.base}/applications`);
    await page.getByRole("button", { name: "新建异动申请" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("学号").fill(graduate.studentNo);
    await dialog.getByRole("combobox", { name: "异动类型" }).click();
    await page.getByRole("option", { name: "学籍信息修改" }).click();
    await dialog.getByRole("combobox", { name: "原因" }).click();
    await page.getByRole("option", { name: "身份信息变更" }).click();
    await dialog.getByLabel("新姓名").fill("改后的名字");
    await dialog.getByRole("button", { name: "保存为学院草稿" }).click();
    return dialog;
  }

  it("seed 000 六.1: a 学籍信息修改 for a graduate of the year is refused, naming the day and who can lift it", async () => {
    const page = await signIn(secretary.username);
    const dialog = await fileRename(page);
    await dialog.getByText(/应届毕业生信息自 .* 起冻结（此后不再更改及补充）/).waitFor();
    await dialog.getByText(/须教务处分管领导为该生解除冻结/).scrollIntoViewIfNeeded();
    expect(await dialog.textContent()).toContain(from);
    await page.screenshot({ path: join(ARTIFACTS, "freeze-identity-change-refused.png"), fullPage: true });
    expect(await served.db.select().from(applications).where(eq(applications.studentId, graduate.id))).toEqual([]);
    await page.close();
  }, 180_000);

  it("the card shows the freeze; the registrar leader lifts it with a reason; the card names who and why; the change is filed", async () => {
    const leader = await signIn("registrar-leader");
    await leader.goto(`${served.base}/students?q=${graduate.studentNo}&open=${graduate.studentNo}`);
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
    const [event] = await served.db.select().from(auditEvents).where(eq(auditEvents.action, "student.lift-freeze"));
    expect(event?.entityId).toBe(graduate.studentNo);
    await leader.close();

    const page = await signIn(secretary.username);
    const filing = await fileRename(page);
    await filing.waitFor({ state: "detached" });
    expect(await served.db.select().from(applications).where(eq(applications.studentId, graduate.id))).toHaveLength(1);
    await page.close();
  }, 180_000);

  it("the audit and the execution of the year's cohort say the data is frozen, and name the student it was lifted for and why", async () => {
    const page = await signIn(secretary.username);
    const cohort = Number(from.slice(0, 4)) + 1;
    for (const view of ["audit", "execute"]) {
      await page.goto(`${served.base}/graduation?cohort=${cohort}${view === "execute" ? "&view=execute" : ""}`);
      const banner = page.getByTestId("graduation-freeze");
      await banner.waitFor();
      const text = await banner.textContent();
      expect(text).toContain(`${cohort} 届毕业生信息自`);
      expect(text).toContain("起冻结");
      expect(text).toContain(`${graduate.studentNo} ${graduate.name}：派出所更名证明四月前已出具`);
      await page.screenshot({ path: join(ARTIFACTS, `freeze-graduation-${view}.png`), fullPage: true });
    }
    // Another cohort's pages say nothing of this year's freeze.
    await page.goto(`${served.base}/graduation?cohort=${cohort - 1}`);
    await page.getByRole("tab", { name: "毕业审核" }).waitFor();
    expect(await page.getByTestId("graduation-freeze").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
