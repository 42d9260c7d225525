// @vitest-environment node
import { mkdirSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_WORKFLOWS, signOffStage } from "@xueji/shared";
import { and, asc, count, eq, inArray, notExists } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildPane } from "../../addin/e2e/build-pane";
import {
  applicationSignOffs,
  applications,
  classes,
  colleges,
  failedCourseRecords,
  graduationAudits,
  graduationCertificates,
  majors,
  pendingItems,
  registrations,
  students,
  users,
} from "../../server/src/db/schema";
import { insertStudents } from "../../server/src/db/seed-basics";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { createHttpServer } from "../../server/src/http/server";
import { publishSetting } from "../../server/src/services/settings/setting-publication";
import { openDemoDatabase } from "../../server/test/demo-database";
import { describeInChromium, openChromium, releaseChromium, settled } from "../../test/chromium";
import { axe } from "./axe";
import { buildDashboard } from "./build-dashboard";
import { fillSignIn } from "./user-windows";

const ARTIFACTS = join(import.meta.dirname, "artifacts");
/** ExcelJS is the server's (it writes the sheets); the test writes the secretary's real .xlsx with it. */
const ExcelJS = createRequire(join(import.meta.dirname, "../../server/package.json"))("exceljs") as {
  Workbook: new () => {
    addWorksheet(name: string): { addRow(values: unknown[]): unknown };
    xlsx: { writeFile(path: string): Promise<void> };
  };
};
const YEAR = "2026-2027";
/** The spring term whose failed courses are cleaned up at the start of the next year (seed 004 成绩清理). */
const FAILED_TERM = "2025-2026-2";
/** The graduation the year ends with: the 2023 cohort's, June 2027 (the 2022 cohort graduated before the walk). */
const COHORT = 2027;

/**
 * One registrar year on the demo university, step after step, each by the role the seeds give it, all in
 * the browser (seed 004 附件二 in its order):
 * 1. 新生电子注册 — the registrar (seed 004 “教务处学籍中心上报数据进行学籍电子注册”);
 * 2. the returning roster's 学年注册 — the college's secretary (seed 004 “二级学院…完成学生报到、注册处理”), one
 *    暂缓注册 → 补注册 within the month, and one 补注册 refused once the month is over (seed 003 第十一–十二条);
 * 3. the failed-course sheet — the secretary in the pane's file mode, accepted by the registrar — then its
 *    学业预警: one 留级 carried out as 降级（学业原因） and one 退学处理 (seed 000 九), each through its chain;
 * 4. a 休学 — filed and 报送 by the secretary, the 辅导员's signature on paper recorded (seed 002's chain), approved
 *    by the college leader and the registrar leader, carried out by the registrar with its notice;
 * 5. the 2023 cohort's graduation audit for June 2027 — 学院初审 by the college leader, the registrar's stages —
 *    executed on the graduation day with certificate numbers, and the headcount after it, read by the school leader.
 * The server's clock is the test's, moved forward as the year goes.
 */
describeInChromium("one registrar year on the demo university, in Chromium", () => {
  let today = "2026-09-08";
  let base = "";
  let database: Awaited<ReturnType<typeof openDemoDatabase>>;
  let close: () => Promise<void>;
  let browser: Browser;
  /** The college the year is walked in: the first by code. */
  let college: { id: number; code: string; name: string };
  const dir = mkdtempSync(join(tmpdir(), "xueji-registrar-year-"));

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dashboard = buildDashboard();
    const pane = buildPane();
    database = await openDemoDatabase(today);
    // The demo as it stood on the walk's first day: the 2022 cohort graduated in June, the 2023 cohort's audit open.
    const [first] = await database.db.select().from(colleges).orderBy(asc(colleges.code)).limit(1);
    college = first as typeof college;
    const [major] = await database.db.select().from(majors).where(eq(majors.collegeId, college.id)).limit(1);
    // The 2026 intake of the college as 招生 hands it over: three came (报到), one never did (录取).
    await insertStudents(
      database.db,
      ["新生甲", "新生乙", "新生丙", "未到丁"].map((name, i) => ({
        studentNo: `2026${college.code}8${String(i + 1).padStart(3, "0")}`,
        name,
        collegeId: college.id,
        majorId: major?.id as number,
        grade: 2026,
        status: i < 3 ? "reported" : "admitted",
      })),
    );
    // The school's 休学 chain as seed 002 draws it: the 辅导员 signs the 休退学审批表 before the college decides.
    // The registrar leader publishes it as a setting (the 设置 page's own test edits workflows in the browser).
    const { type: _t, version: _v, event: _e, deregisters: _d, changes: _c, period: _p, ...suspension } = DEFAULT_WORKFLOWS.suspension;
    const [leader] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar-leader"));
    const published = await publishSetting(database.db, {
      actor: { userId: leader?.id as number, role: "registrar-leader", requestId: "e2e" },
      kind: "workflow",
      key: "suspension",
      validFrom: YEAR,
      value: { ...suspension, stages: [signOffStage("counsellor", "辅导员签署意见", "Counsellor's signature"), ...suspension.stages] },
      reason: "按学籍管理工作流程图（休学）：辅导员、二级学院、教务处依次签署意见",
      locale: "zh-CN",
    });
    expect(published.status).toBe("published");
    const server = createHttpServer(database, {
      sites: [
        { prefix: "/addin/", root: pane },
        { prefix: "/", root: dashboard, fallback: "index.html" },
      ],
      today: () => today,
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    };
    browser = await openChromium(chromium);
  }, 300_000);
  afterAll(async () => {
    await releaseChromium(browser);
    await close?.();
  });

  const problems: string[] = [];
  /**
   * The office's one browser window: each user signs in on it where the previous one signed out, as colleagues
   * sharing a desk would. Signing out leaves the form in place at the same address, so the next user signing in
   * there lands on that page without loading the dashboard again.
   */
  let desk: Page | undefined;
  /** Who sits at the desk now: a script error is reported with their name. */
  let atDesk = "";
  /** Signs `username` in at `path` (the page opened first if the desk is elsewhere), that page shown. */
  async function signIn(username: string, path = "/"): Promise<Page> {
    if (!desk || desk.isClosed()) {
      desk = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
      desk.on("pageerror", (e) => problems.push(`${atDesk}: ${e.message}`));
    }
    atDesk = username;
    if (desk.url() !== `${base}${path}`) await desk.goto(`${base}${path}`);
    await fillSignIn(desk, username);
    return desk;
  }

  /** Signs out through the shell, as the user would at the end of her part: the sign-in form takes the page. */
  async function signOut(page: Page): Promise<void> {
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByLabel("用户名").waitFor();
  }

  /** A screenshot of what the reader sees once it has settled, and no serious or critical axe finding. */
  async function look(page: Page, name: string): Promise<void> {
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, `registrar-year-${name}.png`), fullPage: true });
    const violations = await axe(page);
    expect(violations, name).toEqual([]);
  }

  const secretary = () => `sec-${college.code}`;
  const collegeLeader = () => `leader-${college.code}`;

  /** Who decides an application at its stage (the shared rule's roles, as the demo names them). */
  function deciderAt(stage: string): string {
    if (stage === "college") return collegeLeader();
    if (stage === "registrar-leader") return "registrar-leader";
    if (stage === "school-leader") return "school-leader";
    return "registrar"; // 教务处学籍中心审核, 公示, 办理, 上报
  }

  /**
   * Carries an application through its chain on its own page, each stage by its role, until it is done:
   * 通过 with an opinion, the 公示 waited out on the server's clock. Returns the stages it went through.
   */
  async function throughItsChain(id: number): Promise<string[]> {
    const walked: string[] = [];
    for (let step = 0; step < 10; step++) {
      const [now] = await database.db.select().from(applications).where(eq(applications.id, id));
      if (now?.state !== "open") break;
      if (now.stage === "public-notice" && now.noticeEndsOn && today < now.noticeEndsOn) today = now.noticeEndsOn;
      walked.push(now.stage);
      const page = await signIn(deciderAt(now.stage), `/applications/${id}`);
      await page.getByRole("region", { name: "审批" }).waitFor();
      await page.getByRole("textbox", { name: "意见" }).fill("同意");
      await page.getByRole("button", { name: "通过" }).click();
      await page.getByText(/已处理，现处于/).waitFor();
      await signOut(page);
    }
    return walked;
  }

  /** Enrolled students of the college with nothing on them: no failed course this year, no item, no open application. */
  async function quietStudents(grade: number, n: number) {
    return database.db
      .select({ id: students.id, studentNo: students.studentNo, name: students.name, grade: students.grade })
      .from(students)
      .where(
        and(
          eq(students.collegeId, college.id),
          eq(students.status, "enrolled"),
          eq(students.grade, grade),
          notExists(database.db.select().from(failedCourseRecords).where(eq(failedCourseRecords.studentId, students.id))),
          notExists(database.db.select().from(pendingItems).where(eq(pendingItems.studentId, students.id))),
          notExists(
            database.db
              .select()
              .from(applications)
              .where(and(eq(applications.studentId, students.id), eq(applications.state, "open"))),
          ),
        ),
      )
      .orderBy(asc(students.studentNo))
      .limit(n);
  }

  it("1. the registrar's 新生电子注册: 报到 → 在读 for those who came", async () => {
    const page = await signIn("registrar");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "注册" }).click();
    await page.getByRole("heading", { level: 1, name: "注册" }).waitFor();
    await page.goto(`${base}/registration?collegeId=${college.id}`);
    await page.getByText("3 名已报到新生待电子注册。").waitFor();
    await look(page, "1-new-students");
    await page.getByRole("button", { name: "为已报到新生电子注册（3 人）" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
    await page.getByText("已为 3 名新生完成电子注册。").waitFor();
    await page.getByText("没有待电子注册的已报到新生。").waitFor();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await look(page, "1-new-students-registered");
    const came = await database.db
      .select({ status: students.status })
      .from(students)
      .where(and(eq(students.collegeId, college.id), eq(students.grade, 2026), inArray(students.name, ["新生甲", "新生乙", "新生丙"])));
    expect(came.map((s) => s.status)).toEqual(["enrolled", "enrolled", "enrolled"]);
    await signOut(page);
  }, 180_000);

  it("2. the secretary's 学年注册 of the returning roster: 注册, one 暂缓注册 → 补注册, and one 补注册 too late refused", async () => {
    today = "2026-09-09";
    const page = await signIn(secretary());
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "注册" }).click();
    await page.goto(`${base}/registration?status=none`);
    const list = page.getByRole("grid", { name: "老生学年注册" }).or(page.getByRole("table", { name: "老生学年注册" }));
    const rows = list.getByRole("row");
    await rows.nth(4).waitFor();
    const cell = async (i: number, c: number) => ((await rows.nth(i).getByRole("cell").nth(c).textContent()) ?? "").trim();
    const [late, tooLate] = [
      { studentNo: await cell(3, 1), name: await cell(3, 2) },
      { studentNo: await cell(4, 1), name: await cell(4, 2) },
    ];
    await rows.nth(1).getByRole("checkbox").check();
    await rows.nth(2).getByRole("checkbox").check();
    await page.getByRole("button", { name: "注册所选（2）", exact: true }).click();
    await page.getByRole("dialog").getByText("注册：成功 2 人，未成功 0 人").waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();

    // Two cannot pay yet: 暂缓注册 with the reason (seed 003 第十一条).
    for (const s of [late, tooLate]) {
      await page
        .getByRole("button", { name: `暂缓注册 ${s.name}` })
        .first()
        .click();
      const defer = page.getByRole("dialog");
      await defer.getByLabel("暂缓原因").fill("未按规定缴纳学费");
      await defer.getByRole("button", { name: "暂缓注册" }).click();
      await page.getByRole("dialog").getByText("已暂缓注册").waitFor();
      await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
    }
    await page.goto(`${base}/registration?status=deferred`);
    await page.getByText(/暂缓注册的学生须在 2026\/09\/30 前补注册/).waitFor();
    await list.getByText(late.studentNo).waitFor();
    await look(page, "2-deferred");
    await signOut(page);

    // One pays within the month: 补注册.
    today = "2026-09-21";
    const again = await signIn(secretary(), `/registration?status=deferred`);
    await again.getByRole("button", { name: `补注册 ${late.name}` }).click();
    await again.getByRole("dialog").getByText("已补注册").waitFor();
    await again.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
    await signOut(again);

    // The other comes after the month: his 补注册 is closed, saying why; chosen in the list, the server refuses it in
    // his row, with the limit and the day it passed; nothing written.
    today = "2026-10-08";
    const after = await signIn(secretary(), `/registration?status=deferred`);
    await after.getByText("该期限已过。").waitFor();
    const closed = after.getByRole("button", { name: `补注册 ${tooLate.name}` });
    expect(await closed.getAttribute("aria-disabled")).toBe("true");
    expect(await closed.getAttribute("title")).toBe("学年电子注册期限已过，不能再补注册。");
    await after
      .getByRole("row", { name: new RegExp(tooLate.name) })
      .getByRole("checkbox")
      .check();
    await after.getByRole("button", { name: /^注册所选/ }).click();
    const result = after.getByRole("dialog").getByTestId(`registration-result-${tooLate.studentNo}`);
    await result.getByText("补注册须在学年电子注册期限（开学后 1 个月内）内办理：期限已于 2026/09/30 届满，不能再补注册。").waitFor();
    await after.getByRole("dialog").getByText("注册：成功 0 人，未成功 1 人").waitFor();
    await look(after, "2-late-refused");
    await after.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
    await signOut(after);
    const statusOf = async (studentNo: string) =>
      (
        await database.db
          .select({ status: registrations.status })
          .from(registrations)
          .innerJoin(students, eq(students.id, registrations.studentId))
          .where(and(eq(students.studentNo, studentNo), eq(registrations.academicYear, YEAR)))
      )[0]?.status;
    expect([await statusOf(late.studentNo), await statusOf(tooLate.studentNo)]).toEqual(["registered", "deferred"]);
  }, 240_000);

  let repeater: { id: number; studentNo: string; name: string; grade: number };
  let dismissed: { id: number; studentNo: string; name: string; grade: number };

  it("3a. the secretary submits the failed-course sheet in the pane's file mode; the registrar accepts it; its 学业预警 appear", async () => {
    today = "2026-10-09";
    [repeater, dismissed] = (await quietStudents(2024, 2)) as [typeof repeater, typeof dismissed];
    expect(dismissed, "two quiet 2024 students in the college").toBeDefined();
    // 30 failed credits in the year is 留级, 40 is 退学 (seed 000 九: 28–35 留级, 36 及以上 退学).
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("不及格课程");
    sheet.addRow([`${college.name} ${FAILED_TERM} 学期不及格课程信息核对表`]);
    sheet.addRow(["学号", "姓名", "学期", "课程代码", "课程名称", "学分", "课程性质", "成绩", "考核类型", "学生确认"]);
    for (const [s, courses] of [
      [repeater, 6],
      [dismissed, 8],
    ] as const)
      for (let c = 0; c < courses; c++)
        sheet.addRow([s.studentNo, s.name, FAILED_TERM, `K${2000 + c}`, `专业课程（${c + 1}）`, 5, "专业必修课", 40 + c, "正考", "是"]);
    const file = join(dir, "不及格课程信息核对表.xlsx");
    await workbook.xlsx.writeFile(file);

    const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
    const pane = await context.newPage();
    pane.on("pageerror", (e) => problems.push(`pane: ${e.message}`));
    // The pane's clock is the year's too (it offers the terms around today), and office.js is out of reach: file mode.
    await pane.clock.setFixedTime(new Date(`${today}T10:00:00+08:00`));
    await pane.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await pane.goto(`${base}/addin/taskpane.html`);
    await pane.getByLabel("用户名").fill(secretary());
    await pane.getByLabel("密码").fill(DEMO_PASSWORD);
    await pane.getByRole("button", { name: "登录" }).click();
    await pane.getByRole("tab", { name: "检查" }).waitFor();
    await pane.getByLabel("学期").selectOption(FAILED_TERM);
    await pane.getByTestId("file-input").setInputFiles(file);
    await pane.getByRole("button", { name: "检查", exact: true }).click();
    await pane.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    await pane
      .getByText(/识别为“不及格课程/)
      .first()
      .waitFor();
    expect(Number(await pane.getByTestId("summary-sheet").getAttribute("data-errors"))).toBe(0);
    expect(Number(await pane.getByTestId("summary-record").getAttribute("data-errors"))).toBe(0);
    await pane.getByRole("button", { name: "提交" }).click();
    await pane.getByRole("button", { name: "确认提交" }).click();
    await pane.getByTestId("receipt").waitFor();
    const receipt = pane.getByTestId("receipt-id");
    const submissionId = (await receipt.getAttribute("data-submission-id")) as string;
    // The receipt she reads out: eight characters, not the submission's 36.
    const code = /(\S+)$/.exec(((await receipt.textContent()) ?? "").trim())?.[1] as string;
    expect(code).toMatch(/^[0-9A-F]{8}$/);
    await settled(pane);
    await pane.screenshot({ path: join(ARTIFACTS, "registrar-year-3-pane-submitted.png") });
    await context.close();

    // The registrar finds her sheet by the receipt she reads out, among all the colleges' sheets.
    const page = await signIn("registrar", "/sheets");
    // Misheard, it says so at the field and filters nothing.
    await page.getByLabel("回执编号").fill("12345");
    await page.getByLabel("回执编号").press("Enter");
    await page.getByText("回执编号是 8 位，由数字和字母 A–F 组成").waitFor();
    expect(new URL(page.url()).searchParams.get("receipt")).toBeNull();
    await page.getByLabel("回执编号").fill(code.toLowerCase());
    await page.getByLabel("回执编号").press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("receipt")).toBe(code);
    const found = page.getByRole("table", { name: "核对表提交记录" }).locator("tbody tr");
    await expect.poll(() => found.count()).toBe(1);
    await found.first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get("open")).toBe(submissionId);
    await page.getByText("不及格课程信息核对表 · 第 1 版").waitFor();
    // The registrar's panel of the same sheet shows the same receipt, for the two of them on the phone.
    expect(await page.getByTestId("receipt-code").textContent()).toBe(`回执编号 ${code}`);
    await look(page, "3-sheet-review");
    await page.getByRole("button", { name: "接收" }).click();
    await expect.poll(() => page.getByRole("button", { name: "接收" }).count()).toBe(0);
    // Accepted, the rules run: the two students' 留级 and 退学 wait on 学业预警.
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "学业预警" }).click();
    await page.goto(`${base}/standing?collegeId=${college.id}&academicYear=2025-2026`);
    const table = page.getByRole("grid", { name: "学业预警" }).or(page.getByRole("table", { name: "学业预警" }));
    await table.getByRole("row").filter({ hasText: repeater.studentNo }).getByText("留级").waitFor();
    await table.getByRole("row").filter({ hasText: dismissed.studentNo }).getByText("退学").first().waitFor();
    await look(page, "3-standing");
    await signOut(page);
  }, 240_000);

  it("3b. the registrar takes the 留级 to 降级（学业原因） from its preview, and it is carried out through its chain", async () => {
    today = "2026-10-12";
    const [before] = await database.db.select().from(students).where(eq(students.id, repeater.id));
    const page = await signIn("registrar", `/standing?kind=repeat&collegeId=${college.id}`);
    await page
      .getByRole("button", { name: `转为降级（学业原因）：${repeater.name}` })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByTestId("demotion-grade")
      .getByText(`${repeater.grade + 1} 级`)
      .waitFor();
    const [newClass] = await database.db
      .select()
      .from(classes)
      .where(and(eq(classes.majorId, before?.majorId as number), eq(classes.grade, repeater.grade + 1)))
      .orderBy(asc(classes.name))
      .limit(1);
    await dialog.getByRole("combobox", { name: "编入班级" }).click();
    await page.getByRole("option", { name: newClass?.name as string }).click();
    await dialog
      .getByTestId("demotion-class")
      .getByText(newClass?.name as string)
      .waitFor();
    await look(page, "3-demotion-preview");
    await dialog.getByRole("button", { name: "生成降级申请" }).click();
    await page.getByText("已生成降级（学业原因）申请：").waitFor();
    await signOut(page);
    const [app] = await database.db
      .select()
      .from(applications)
      .where(and(eq(applications.studentId, repeater.id), eq(applications.type, "academic-demotion")));
    expect(await throughItsChain(app?.id as number)).toEqual(expect.arrayContaining(["registrar", "school-leader", "execution"]));
    const [after] = await database.db.select().from(students).where(eq(students.id, repeater.id));
    expect(after).toMatchObject({ grade: repeater.grade + 1, classId: newClass?.id });
    const page2 = await signIn("registrar", `/applications/${app?.id}`);
    await page2.getByTestId("notice-sheet").waitFor();
    await look(page2, "3-demotion-done");
    await signOut(page2);
  }, 300_000);

  it("3c. the registrar takes the 退学 up as 退学处理; the school leader decides, the 公示 runs out, the registrar carries it out", async () => {
    const page = await signIn("registrar", `/standing?kind=dismissal&collegeId=${college.id}`);
    const row = page.locator("tbody tr[data-index]").filter({ hasText: dismissed.studentNo });
    await row.getByRole("button", { name: "转为退学处理" }).click();
    await page.getByText("已新建退学处理申请：").waitFor();
    await look(page, "3-dismissal-opened");
    await signOut(page);
    const [app] = await database.db
      .select()
      .from(applications)
      .where(and(eq(applications.studentId, dismissed.id), eq(applications.type, "dismissal")));
    expect(await throughItsChain(app?.id as number)).toEqual(expect.arrayContaining(["school-leader", "public-notice", "execution"]));
    const [after] = await database.db.select({ status: students.status }).from(students).where(eq(students.id, dismissed.id));
    expect(after?.status).toBe("withdrawn");
  }, 300_000);

  it("4. a 休学: filed and 报送 by the secretary, the 辅导员's paper signature recorded, approved, carried out with its notice", async () => {
    today = "2026-11-02";
    const [student] = await quietStudents(2025, 1);
    const page = await signIn(secretary());
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "学籍异动" }).click();
    await page.getByRole("button", { name: "新建异动申请" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("学号").fill(student?.studentNo as string);
    await dialog.getByRole("combobox", { name: "异动类型" }).click();
    await page.getByRole("option", { name: "休学" }).click();
    await dialog.getByRole("combobox", { name: "原因" }).click();
    await page.getByRole("option", { name: "疾病" }).click();
    await dialog.getByLabel("开始日期").fill("2026-11-09");
    await dialog.getByLabel("结束日期").fill("2027-07-15");
    for (const box of await dialog.getByRole("checkbox").all()) await box.check();
    await look(page, "4-file-suspension");
    await dialog.getByRole("button", { name: "保存为学院草稿" }).click();
    const id = Number(/#(\d+)/.exec((await page.getByText(/已新建申请 #\d+（学院草稿）/).textContent()) ?? "")?.[1]);
    await page.goto(`${base}/applications/${id}`);
    await page.getByRole("button", { name: "报送" }).click();
    await page.getByText("已处理，现处于“辅导员签署意见”。").waitFor();
    // The 辅导员 has no account: the secretary records the signature on the 休退学审批表 (seed 002).
    await page.getByRole("heading", { name: "登记线下签字：辅导员签署意见" }).waitFor();
    await page.getByLabel("签字人（部门与姓名，如 学生处 李某）").fill("辅导员 王某");
    await page.getByRole("button", { name: "登记签字" }).click();
    await page.getByText("已处理，现处于“二级学院审核”。").waitFor();
    await page.getByText(/辅导员签署意见：辅导员 王某 签字（\d{4}\/\d{2}\/\d{2}）/).waitFor();
    await look(page, "4-counsellor-signed");
    await signOut(page);
    const [signed] = await database.db.select().from(applicationSignOffs).where(eq(applicationSignOffs.applicationId, id));
    expect(signed).toMatchObject({ stage: "counsellor", signer: "辅导员 王某" });

    expect(await throughItsChain(id)).toEqual(expect.arrayContaining(["college", "registrar-leader", "execution"]));
    const [after] = await database.db
      .select({ status: students.status })
      .from(students)
      .where(eq(students.id, student?.id as number));
    expect(after?.status).toBe("suspended");
    const notice = await signIn("registrar", `/applications/${id}`);
    const sheet = notice.getByTestId("notice-sheet");
    await sheet.waitFor();
    expect(
      (
        await sheet
          .getByRole("row", { name: /学籍状态/ })
          .getByRole("cell")
          .allTextContents()
      ).map((s) => s.trim()),
    ).toEqual(["在读", "休学"]);
    expect(await sheet.textContent()).toContain("2026/11/09");
    // 办理过程 names who filed it on its first row, as each decision names its maker.
    const [filer] = await database.db.select({ name: users.displayName }).from(users).where(eq(users.username, secretary()));
    await notice
      .getByRole("row")
      .filter({ hasText: "学院提交申请（草稿）" })
      .getByText(filer?.name as string)
      .waitFor();
    await look(notice, "4-suspension-notice");
    await signOut(notice);
  }, 300_000);

  it("5. the graduation audit through its stages, executed with certificate numbers, and the headcount after it", async () => {
    today = "2027-06-20";
    // The college's 2027 list (the 2023 cohort), as the demo's audit left it at 学院初审.
    const stages = await database.db
      .selectDistinct({ stage: graduationAudits.stage })
      .from(graduationAudits)
      .where(and(eq(graduationAudits.cohort, COHORT), eq(graduationAudits.collegeId, college.id)));
    expect(stages).toEqual([{ stage: "college-review" }]);

    // 学院初审 is the college leader's.
    const leader = await signIn(collegeLeader(), `/graduation?cohort=${COHORT}`);
    const leaderRow = leader
      .getByRole("region", { name: `${COHORT} 届审核结果（按学院）` })
      .getByRole("row")
      .filter({ hasText: college.name });
    await leaderRow.getByRole("button", { name: "推进到“教务处复审”" }).click();
    await leader.getByText(new RegExp(`^${college.name}的名单已推进到“教务处复审”（\\d+ 人）。$`)).waitFor();
    await look(leader, "5-college-review");
    await signOut(leader);

    // The registrar runs the audit again on today's record, then the stages up to 证书制作.
    const page = await signIn("registrar");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "毕业审核" }).click();
    await page.goto(`${base}/graduation?cohort=${COHORT}`);
    await page.getByRole("button", { name: "运行审核" }).click();
    await page.getByText(/^审核完成：\d+ 人，毕业 \d+ 人，结业 \d+ 人。$/).waitFor();
    const row = page
      .getByRole("region", { name: `${COHORT} 届审核结果（按学院）` })
      .getByRole("row")
      .filter({ hasText: college.name });
    for (const stage of ["公示", "学位委员会", "证书制作"]) {
      await row.getByRole("button", { name: `推进到“${stage}”` }).click();
      // 学位委员会 is the school's decision (seed 001 七), recorded by the registrar from its minutes.
      if (stage === "证书制作") {
        const committee = page.getByRole("dialog");
        await committee.getByRole("textbox", { name: /会议编号/ }).fill("校学位〔2027〕5号");
        await committee.getByRole("button", { name: "登记并通过" }).click();
      }
      await page.getByText(new RegExp(`^${college.name}的名单已推进到“${stage}”（\\d+ 人）。$`)).waitFor();
    }
    await look(page, "5-audit");

    // The preview with the certificate numbers, then the execution on the graduation day.
    today = "2027-06-30";
    await page.goto(`${base}/graduation?cohort=${COHORT}&view=execute&collegeId=${college.id}`);
    const totals = page.getByTestId("execution-totals");
    await totals.waitFor();
    const [, , graduate, complete] = ((await totals.innerText()).match(
      /^共 (\d+) 人：将毕业 (\d+) 人，将结业 (\d+) 人；不能执行 (\d+) 人；已执行 0 人。$/,
    ) ?? []) as string[];
    const carried = Number(graduate) + Number(complete);
    expect(carried).toBeGreaterThan(0);
    const preview = page.getByRole("region", { name: `${college.name} · ${COHORT} 届毕业执行` });
    const firstRow = preview.locator("tbody tr[data-index]").first();
    await firstRow.waitFor();
    const firstStudent = (await firstRow.getByRole("cell").nth(0).innerText()).trim();
    const firstNo = (await firstRow.getByRole("cell").nth(5).innerText()).trim();
    expect(firstNo).toMatch(/^\d{18}$/);
    await look(page, "5-execution-preview");
    await page.getByRole("button", { name: `执行（${carried} 人）` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确定执行" }).click();
    await page.getByText(new RegExp(`^执行完成：毕业 ${graduate} 人，结业 ${complete} 人，通知单号 \\S+；`)).waitFor();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await look(page, "5-executed");
    const [issued] = await database.db
      .select({ no: graduationCertificates.certificateNo })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      .where(eq(students.studentNo, firstStudent));
    expect(issued?.no).toBe(firstNo);
    await signOut(page);

    // The headcount after it, for the school's leaders: the college's 毕业 column is the record's. The record's
    // history is stamped with the wall clock, so the count is read as of the real day the changes were made.
    today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const schoolLeader = await signIn("school-leader");
    await schoolLeader.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "学籍统计" }).click();
    await schoolLeader.getByRole("heading", { level: 1, name: "学籍统计" }).waitFor();
    const [graduated] = await database.db
      .select({ n: count() })
      .from(students)
      .where(and(eq(students.collegeId, college.id), eq(students.status, "graduated")));
    const collegeLine = schoolLeader.getByTestId(`headcount-college-${college.id}`);
    await collegeLine.waitFor();
    const graduatedLink = collegeLine.locator("a[href*='status=graduated']");
    await expect.poll(() => graduatedLink.innerText()).toBe((graduated?.n ?? 0).toLocaleString("zh-CN"));
    expect(graduated?.n).toBeGreaterThanOrEqual(Number(graduate));
    await look(schoolLeader, "5-headcount");
    await signOut(schoolLeader);
    expect(problems).toEqual([]);
  }, 300_000);
});
