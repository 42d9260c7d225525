// @vitest-environment node
import { mkdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type Role, scopeOf } from "@xueji/shared";
import { and, asc, eq } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applications, classes, colleges, majors, pendingItems, registrations, students } from "../../server/src/db/schema";
import { insertStudents, makeIdNumber } from "../../server/src/db/seed-basics";
import { createHttpServer } from "../../server/src/http/server";
import { openDemoDatabase } from "../../server/test/demo-database";
import { describeInChromium, openChromium, releaseChromium, settled } from "../../test/chromium";
import { axe } from "./axe";
import { buildDashboard } from "./build-dashboard";
import { userWindows } from "./user-windows";

const ARTIFACTS = join(import.meta.dirname, "artifacts");
const YEAR = "2026-2027";

/**
 * The registrar's year (JOURNEYS.md D2, D4, F) on the demo university: 新生电子注册, the returning roster's
 * 学年注册 with a 暂缓注册 → 补注册, a 留级 carried out as 降级（学业原因）, and the headcount with its download.
 * The server's clock is the test's (week 2 of the 2026 autumn term), so the deadlines have days left and a
 * public notice can end.
 */
describeInChromium("the registrar's year, in Chromium against a real server", () => {
  let today = "2026-09-08";
  let base = "";
  let database: Awaited<ReturnType<typeof openDemoDatabase>>;
  let close: () => Promise<void>;
  let browser: Browser;
  let collegeId = 0;
  /** The two 报到 students sharing one 身份证号, by 学号. */
  let twins: string[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dist = buildDashboard();
    database = await openDemoDatabase(today);
    // The demo as it stood on the test's first day (its 2026 intake admitted, the 2022 cohort graduated in June).
    // The 2026 intake of one college, as 招生 hands it over: three came (报到), two never did (录取).
    const [college] = await database.db.select().from(colleges).orderBy(asc(colleges.code)).limit(1);
    const [major] = await database.db
      .select()
      .from(majors)
      .where(eq(majors.collegeId, college?.id as number))
      .limit(1);
    collegeId = college?.id as number;
    await insertStudents(
      database.db,
      ["新生甲", "新生乙", "新生丙", "未到丁", "未到戊"].map((name, i) => ({
        studentNo: `2026${college?.code}9${String(i + 1).padStart(3, "0")}`,
        name,
        collegeId,
        majorId: major?.id as number,
        grade: 2026,
        status: i < 3 ? "reported" : "admitted",
      })),
    );
    // Two more came with one 身份证号 between them (an admission entered twice): 第七条 holds both back.
    const twin = makeIdNumber("2008-03-01", "2", 97);
    twins = [`2026${college?.code}9801`, `2026${college?.code}9802`];
    await insertStudents(
      database.db,
      ["同号庚", "同号辛"].map((name, i) => ({
        studentNo: twins[i] as string,
        name,
        collegeId,
        majorId: major?.id as number,
        grade: 2026,
        status: "reported" as const,
        idNumber: twin,
      })),
    );
    const server = createHttpServer(database, { sites: [{ prefix: "/", root: dist, fallback: "index.html" }], today: () => today });
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

  const windows = userWindows(
    () => browser,
    () => base,
  );
  /** A page of the user's own window at `path`, signed in (user-windows.ts). */
  const signIn = (username: string, path?: string): Promise<Page> =>
    windows.signIn(username, { path, viewport: { width: 1440, height: 1000 }, acceptDownloads: true });

  it.each<[Role, string]>([
    ["secretary", "sec-"],
    ["college-leader", "leader-"],
    ["registrar-staff", "registrar"],
    ["registrar-leader", "registrar-leader"],
    ["school-leader", "school-leader"],
  ])(
    "offers a %s 注册 and 学籍统计 in the menu exactly as the role's permissions say",
    async (role, prefix) => {
      const [college] = await database.db.select().from(colleges).orderBy(asc(colleges.code)).limit(1);
      const page = await signIn(prefix.endsWith("-") ? `${prefix}${college?.code}` : prefix);
      const shown = (await page.getByRole("navigation", { name: "主导航" }).getByRole("link").allInnerTexts()).map((s) => s.trim());
      expect(shown.includes("注册")).toBe(scopeOf("registration.write", role) !== null);
      // 学籍统计 is for the registrar and the school's leaders (seed 001 十), not for a college.
      const mayCount = ["registrar-staff", "registrar-leader", "school-leader"].includes(role);
      expect(shown.includes("学籍统计")).toBe(mayCount);
      // Typed in directly, the page answers the route guard's refusal to a college role, and the count to the others.
      await page.goto(`${base}/headcount`);
      await (mayCount ? page.getByRole("button", { name: /下载/ }) : page.getByText("您的角色无权查看此页面。")).first().waitFor();
      await page.close();
    },
    60_000,
  );

  it("runs 新生电子注册 and files 放弃入学资格 for one who never came", async () => {
    const page = await signIn("registrar");
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    // The nav offers the page (registration.write) and it opens on the current year.
    await page.getByRole("link", { name: "注册" }).click();
    await page.getByRole("heading", { level: 1, name: "注册" }).waitFor();
    await page.getByTestId("registration-deadlines").getByText("学院报送学年注册情况").waitFor();
    await page
      .getByText(/^剩 \d+ 个工作日$/)
      .first()
      .waitFor();
    expect(page.url()).not.toContain("academicYear"); // the default year is not written into the URL
    await page.getByText("5 名已报到新生待电子注册。").waitFor();
    // The registrar's calendar dates the new students' steps (seed 004 附件二).
    await page
      .getByRole("list", { name: "教务处工作日历中的新生注册事项" })
      .getByText(/^新生电子注册：/)
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "registration-page.png"), fullPage: true });

    await page.getByRole("button", { name: "为已报到新生电子注册（5 人）" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("此后不能再办理放弃入学资格").waitFor();
    await dialog.getByRole("button", { name: "确定" }).click();
    await page.getByText("已为 3 名新生完成电子注册。").waitFor();
    // The two sharing a 身份证号 stay 报到, each named with the rule and the other.
    for (const [self, name, other] of [
      [twins[0], "同号庚", twins[1]],
      [twins[1], "同号辛", twins[0]],
    ])
      await page
        .getByText(`${self} ${name} 未注册：与已报到新生 ${other} 身份证号相同，同一学习时段只能注册一个学籍`, { exact: false })
        .waitFor();
    await page.getByText("2 名已报到新生待电子注册。").waitFor();
    const came = await database.db.select({ status: students.status }).from(students).where(eq(students.name, "新生甲"));
    expect(came[0]?.status).toBe("enrolled");

    // The two who never came are listed; one gives up admission: a college draft to complete and submit.
    // The demo's college admitted hundreds: she finds the one by name.
    await page.getByRole("searchbox", { name: "按姓名或学号查找" }).fill("未到丁");
    const neverCame = page.getByRole("grid", { name: "录取未报到" }).or(page.getByRole("table", { name: "录取未报到" }));
    await neverCame.getByText("未到丁").waitFor();
    await page.getByRole("button", { name: "放弃入学资格 未到丁" }).click();
    await page.getByText("已为 未到丁 建立“放弃入学资格”草稿").waitFor();
    const draft = page.getByRole("link", { name: /打开 #\d+ 补齐材料并报送/ });
    const [filed] = await database.db
      .select({ id: applications.id, type: applications.type, stage: applications.stage })
      .from(applications)
      .innerJoin(students, eq(students.id, applications.studentId))
      .where(eq(students.name, "未到丁"));
    expect(filed).toMatchObject({ type: "give-up-admission", stage: "draft" });
    expect(await draft.getAttribute("href")).toBe(`/applications/${filed?.id}`);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("registers the returning roster of a college, defers one student and registers him late (补注册), and exports the 学信网 file", async () => {
    const page = await signIn("registrar");
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${base}/registration?collegeId=${collegeId}&status=none`);
    const list = page.getByRole("grid", { name: "老生学年注册" }).or(page.getByRole("table", { name: "老生学年注册" }));
    const rows = list.getByRole("row");
    await rows.nth(3).waitFor();
    const studentNoOf = async (i: number) => ((await rows.nth(i).getByRole("cell").nth(1).textContent()) ?? "").trim();
    const [first, second, third] = [await studentNoOf(1), await studentNoOf(2), await studentNoOf(3)];
    // Bulk: two students ticked, one result each.
    await rows.nth(1).getByRole("checkbox").check();
    await rows.nth(2).getByRole("checkbox").check();
    await page.getByRole("button", { name: "注册所选（2）", exact: true }).click();
    const results = page.getByRole("dialog");
    await results.getByText("注册：成功 2 人，未成功 0 人").waitFor();
    await expect(results.getByTestId(`registration-result-${first}`).textContent()).resolves.toContain("已注册");
    await page.screenshot({ path: join(ARTIFACTS, "registration-bulk-results.png"), fullPage: true });
    await results.getByRole("button", { name: "关闭" }).click();

    // 暂缓注册 (欠费) of the third, then 补注册 once paid, within the month (seed 003 第十一–十二条).
    const [thirdStudent] = await database.db.select({ name: students.name }).from(students).where(eq(students.studentNo, third));
    await page
      .getByRole("button", { name: `暂缓注册 ${thirdStudent?.name}` })
      .first()
      .click();
    const defer = page.getByRole("dialog");
    await defer.getByLabel("暂缓原因").fill("未按规定缴纳学费");
    await defer.getByRole("button", { name: "暂缓注册" }).click();
    await page.getByRole("dialog").getByText("已暂缓注册").waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();

    await page.getByRole("combobox", { name: "注册状态" }).click();
    await page.getByRole("option", { name: "暂缓注册" }).click();
    await page.waitForURL(/status=deferred/);
    await page.getByText(/暂缓注册的学生须在 2026\/09\/30 前补注册/).waitFor();
    await list.getByText(third).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "registration-deferred.png"), fullPage: true });
    today = "2026-09-21";
    await page.getByRole("button", { name: `补注册 ${thirdStudent?.name}` }).click();
    await page.getByRole("dialog").getByText("已补注册").waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
    const [late] = await database.db
      .select({ status: registrations.status })
      .from(registrations)
      .innerJoin(students, eq(students.id, registrations.studentId))
      .where(and(eq(students.studentNo, third), eq(registrations.academicYear, YEAR)));
    expect(late?.status).toBe("registered");

    // The by-college table counts them; its numbers open the list behind them.
    await page.goto(`${base}/registration?collegeId=${collegeId}`);
    const byCollege = page.getByRole("table", { name: `${YEAR} 学年注册情况（按学院）` });
    await byCollege.getByRole("link", { name: "3", exact: true }).first().waitFor();
    expect(second).not.toBe("");

    // The 学信网 file of this college, one button.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出学信网注册数据" }).click()]);
    expect(download.suggestedFilename()).toBe(`学籍注册_${YEAR}_${collegeId}.xlsx`);
    const saved = await download.path();
    expect(saved && readFileSync(saved).subarray(0, 2).toString()).toBe("PK");
    // Read once the button is back from its busy state and its colours have finished their transition: axe measured
    // the contrast of a colour half-way between the two once.
    await expect.poll(() => page.getByRole("button", { name: "导出学信网注册数据" }).isEnabled()).toBe(true);
    await settled(page);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("gives a secretary her own college only: its numbers and roster, no 电子注册 and no 学信网 export (the registrar's)", async () => {
    const [other] = await database.db.select().from(colleges).orderBy(asc(colleges.code)).offset(1).limit(1);
    const page = await signIn(`sec-${other?.code}`);
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.getByRole("link", { name: "注册" }).click();
    const byCollege = page.getByRole("table", { name: `${YEAR} 学年注册情况（按学院）` });
    await byCollege.getByRole("cell", { name: other?.name as string }).waitFor();
    expect(await byCollege.getByRole("row").count()).toBe(2); // the header and her college, no total
    expect(await page.getByRole("link", { name: "导出学信网注册数据" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /为已报到新生电子注册/ }).count()).toBe(0);
    const list = page.getByRole("grid", { name: "老生学年注册" }).or(page.getByRole("table", { name: "老生学年注册" }));
    await list.getByRole("row").nth(1).waitFor();
    const colleges_ = await list.getByRole("row").evaluateAll((rows) => rows.slice(1, 6).map((r) => r.children[3]?.textContent));
    expect(new Set(colleges_)).toEqual(new Set([other?.name]));
    await page.screenshot({ path: join(ARTIFACTS, "registration-secretary.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("takes a 留级 to 降级（学业原因） from its preview and carries it out: next grade, the chosen class, graduation a year later", async () => {
    today = "2026-09-22";
    // The demo's one term of failed-course sheets cannot reach the year's 28 credits of a 留级 (seed 004 附件二):
    // the item an accepted sheet of the year would leave, for an enrolled 2025 student.
    const [repeater] = await database.db
      .select({ id: students.id, collegeId: students.collegeId })
      .from(students)
      .where(and(eq(students.status, "enrolled"), eq(students.grade, 2025)))
      .orderBy(asc(students.studentNo))
      .limit(1);
    await database.db.insert(pendingItems).values({
      studentId: repeater?.id as number,
      collegeId: repeater?.collegeId as number,
      kind: "repeat",
      academicYear: "2025-2026",
      termCode: "",
      figures: { yearFailedCredits: 30 },
    });
    const [item] = await database.db
      .select({ id: pendingItems.id, studentId: pendingItems.studentId })
      .from(pendingItems)
      .where(and(eq(pendingItems.kind, "repeat"), eq(pendingItems.state, "pending")))
      .orderBy(asc(pendingItems.id))
      .limit(1);
    expect(item, "the demo has a pending 留级").toBeDefined();
    const [student] = await database.db
      .select()
      .from(students)
      .where(eq(students.id, item?.studentId as number));
    const page = await signIn("registrar");
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${base}/standing?kind=repeat`);
    await page
      .getByRole("button", { name: `转为降级（学业原因）：${student?.name}` })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByTestId("demotion-grade")
      .getByText(`${(student?.grade as number) + 1} 级`)
      .waitFor();
    const graduation = `${Number(student?.expectedGraduationDate.slice(0, 4)) + 1}/06/30`;
    await dialog.getByTestId("demotion-expectedGraduation").getByText(graduation).waitFor();
    const [newClass] = await database.db
      .select()
      .from(classes)
      .where(and(eq(classes.majorId, student?.majorId as number), eq(classes.grade, (student?.grade as number) + 1)))
      .orderBy(asc(classes.name))
      .limit(1);
    await dialog.getByRole("combobox", { name: "编入班级" }).click();
    await page.getByRole("option", { name: newClass?.name as string }).click();
    await dialog
      .getByTestId("demotion-class")
      .getByText(newClass?.name as string)
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "standing-demotion-preview.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole("button", { name: "生成降级申请" }).click();
    const created = page.getByText("已生成降级（学业原因）申请：");
    await created.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "standing-demotion-created.png"), fullPage: true });
    const [app] = await database.db
      .select()
      .from(applications)
      .where(and(eq(applications.studentId, student?.id as number), eq(applications.type, "academic-demotion")));
    expect(app).toMatchObject({ stage: "registrar", changes: { grade: (student?.grade as number) + 1, classId: newClass?.id } });
    await page.close();

    // Carried out on the application's own page, each stage by its role: 教务处 → 分管校领导 → 公示 → 办理.
    for (let step = 0; step < 8; step++) {
      const [now] = await database.db
        .select()
        .from(applications)
        .where(eq(applications.id, app?.id as number));
      if (now?.state !== "open") break;
      if (now.stage === "public-notice" && now.noticeEndsOn && today < now.noticeEndsOn) today = now.noticeEndsOn;
      const decider = await signIn(now.stage === "school-leader" ? "school-leader" : "registrar", `/applications/${app?.id}`);
      await decider.getByRole("region", { name: "审批" }).waitFor();
      await decider.getByRole("textbox", { name: "意见" }).fill("同意");
      await decider.getByRole("button", { name: "通过" }).click();
      await decider.getByText(/已处理，现处于/).waitFor();
      await decider.close();
    }
    const [after] = await database.db
      .select()
      .from(students)
      .where(eq(students.id, student?.id as number));
    expect(after).toMatchObject({
      grade: (student?.grade as number) + 1,
      classId: newClass?.id,
      expectedGraduationDate: `${Number(student?.expectedGraduationDate.slice(0, 4)) + 1}${student?.expectedGraduationDate.slice(4)}`,
    });
    expect(problems).toEqual([]);
  }, 240_000);

  it("shows the headcount by college × major × grade × status as of a date, downloads it, and opens the students behind a number", async () => {
    const page = await signIn("school-leader");
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.getByRole("link", { name: "学籍统计" }).click();
    await page.getByRole("heading", { level: 1, name: "学籍统计" }).waitFor();
    const byCollege = page.getByRole("table", { name: "各学院人数（按学籍状态）" });
    await byCollege.getByTestId("headcount-college-total").waitFor();
    // 下载 Excel waits for the counts; once they are in, its colours fade back in over Fluent's transition.
    expect(await page.getByRole("button", { name: "下载 Excel" }).isEnabled()).toBe(true);
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, "headcount-page.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载 Excel" }).click()]);
    expect(download.suggestedFilename()).toBe(`学籍统计_${today}.xlsx`);
    const saved = await download.path();
    expect(saved && readFileSync(saved).subarray(0, 2).toString()).toBe("PK");
    await settled(page);
    expect(await axe(page)).toEqual([]);

    // A past date is kept in the URL; the three freshmen registered this term were not yet counted on 1 August.
    await page.goto(`${base}/headcount?date=2026-08-01&collegeId=${collegeId}`);
    await page.getByText("统计日期早于今天").waitFor();
    // The college's 在读 count opens the students page filtered to exactly them.
    const row = page.getByTestId(`headcount-college-${collegeId}`);
    await row.getByRole("link").first().click();
    await page.getByRole("heading", { level: 1, name: "学生" }).waitFor();
    expect(page.url()).toContain(`collegeId=${collegeId}`);
    expect(page.url()).toMatch(/status=/);
    await page.getByTestId("student-filters").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "headcount-students.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
