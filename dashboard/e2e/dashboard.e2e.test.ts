// @vitest-environment node
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type PERMISSIONS, type Role, scopeOf } from "@xueji/shared";
import { and, count, desc, eq, notExists } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applications, graduationAudits, savedViews, sheetSubmissions, students, users } from "../../server/src/db/schema";
import { describeInChromium, openChromium, releaseChromium } from "../../test/chromium";
import { VIEWS_PAGE } from "../src/api/views";
import { serveDashboard } from "./serve-dashboard";
import { fillSignIn, followInApp, userWindows } from "./user-windows";

const ARTIFACTS = join(import.meta.dirname, "artifacts");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The menu each role should see: exactly the pages whose permission the role holds (shared/src/auth/roles.ts). */
const MENU: Array<[string, keyof typeof PERMISSIONS]> = [
  ["总览", "applications.read"],
  ["我的待办", "applications.read"],
  ["学籍异动", "applications.read"],
  ["核对表", "sheets.read"],
  ["学业预警", "pending.read"],
  ["毕业审核", "graduation.read"],
  ["学生", "students.read"],
];

// Chromium is the machine's (/usr/bin/chromium, with fonts-noto-cjk); without it there is nothing to drive.
describeInChromium("the dashboard in Chromium against a real server", () => {
  let served: Awaited<ReturnType<typeof serveDashboard>>;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    served = await serveDashboard();
    browser = await openChromium(chromium);
  }, 240_000);
  afterAll(async () => {
    await releaseChromium(browser);
    await served?.close();
  });

  async function userOf(role: Role, collegeId?: number): Promise<string> {
    const rows = await served.db
      .select({ username: users.username })
      .from(users)
      .where(collegeId === undefined ? eq(users.role, role) : and(eq(users.role, role), eq(users.collegeId, collegeId)))
      .orderBy(users.username)
      .limit(1);
    return rows[0]?.username as string;
  }

  const windows = userWindows(
    () => browser,
    () => served.base,
    (page) => {
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      (page as Page & { problems: string[] }).problems = problems;
    },
  );
  /** A page of the user's own window at `path`, signed in (user-windows.ts). */
  const signIn = (username: string, path?: string): Promise<Page> =>
    windows.signIn(username, { path, viewport: { width: 1440, height: 1000 } });

  /** A screenshot kept for people to look at, and axe-core's verdict: no serious or critical violation. */
  async function check(page: Page, name: string) {
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      type Axe = {
        run: (
          context: unknown,
          options: unknown,
        ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
      };
      // Fluent's focus manager (Tabster) keeps aria-hidden, focusable <i data-tabster-dummy> sentinels at the
      // edges of popovers and lists; they pass focus on at once and are never read. Everything else is checked.
      const result = await (window as unknown as { axe: Axe }).axe.run(
        { exclude: [["[data-tabster-dummy]"]] },
        { resultTypes: ["violations"] },
      );
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations, name).toEqual([]);
    expect((page as Page & { problems: string[] }).problems, name).toEqual([]);
  }

  it.each<Role>(["secretary", "college-leader", "registrar-staff", "registrar-leader", "school-leader", "admin"])(
    "shows a %s only the pages the role may use",
    async (role) => {
      const page = await signIn(await userOf(role));
      const nav = page.getByRole("navigation", { name: "主导航" });
      const shown = (await nav.getByRole("link").allInnerTexts()).map((s) => s.trim());
      const expected = MENU.filter(([, permission]) => scopeOf(permission, role) !== null).map(([label]) => label);
      for (const label of expected) expect(shown).toContain(label);
      for (const [label] of MENU.filter(([l]) => !expected.includes(l))) expect(shown).not.toContain(label);
      if (role === "admin") {
        // The overview is not the administrator's: `/` opens their first page, the users, in its place.
        await page.getByRole("heading", { level: 1, name: "用户" }).waitFor();
        expect(new URL(page.url()).pathname).toBe("/users");
        await expect(page.getByText("您的角色无权查看此页面。").count()).resolves.toBe(0);
        await check(page, "users-admin");
      } else {
        await page.getByRole("region", { name: "异动流程热力图" }).waitFor();
        await check(page, `overview-${role}`);
      }
    },
    90_000,
  );

  it("answers a link to a forbidden page plainly, and sends someone signing in there to their own first page", async () => {
    // Followed while signed in: the page says "no permission" and where the role can go.
    const admin = await signIn(await userOf("admin"), `/standing`);
    await admin.getByText("您的角色无权查看此页面。").waitFor();
    expect(new URL(admin.url()).pathname).toBe("/standing");
    await admin.getByRole("link", { name: "前往「用户」" }).click();
    await admin.getByRole("heading", { level: 1, name: "用户" }).waitFor();
    // Signing in on a page the role may not use (the previous user's, say) lands on the role's first page.
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${served.base}/users`);
    await fillSignIn(page, await userOf("secretary"));
    await page.getByRole("region", { name: "异动流程热力图" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await page.close();
  }, 90_000);

  it("lets the registrar see every page, and screenshots each", async () => {
    const page = await signIn("registrar");
    for (const [path, name, ready] of [
      ["/my-work", "my-work", "我的待办"],
      ["/applications", "applications", "学籍异动"],
      ["/sheets", "sheets", "核对表"],
      ["/standing", "standing", "学业预警"],
      ["/graduation", "graduation", "毕业审核"],
      ["/students?q=2025", "students", "学生"],
    ] as const) {
      await followInApp(page, path);
      await page.getByRole("heading", { level: 1, name: ready }).waitFor();
      await page.waitForLoadState("networkidle");
      // An application carried out and waiting at 上报 has no deadline left: its row says when it was done.
      if (name === "my-work")
        await page
          .getByText(/^已于 \d{4}\/\d{2}\/\d{2} 办理，待上报（无期限）$/)
          .first()
          .waitFor();
      await check(page, name);
    }
  }, 180_000);

  it("shows 学业预警 whole at 1280 and 1024 px: 全部 for all years, no cell cut short", async () => {
    const page = await signIn("registrar");
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${served.base}/standing`);
      await page.getByRole("heading", { level: 1, name: "学业预警" }).waitFor();
      await page.getByRole("table", { name: "学业预警" }).getByRole("row").nth(1).waitFor();
      expect((await page.getByRole("combobox", { name: "学年" }).textContent())?.trim()).toBe("全部");
      // Every cell shows all it holds (an ellipsis means scrollWidth > clientWidth), and the row ends inside the box.
      const cut = await page.evaluate(() => {
        const table = document.querySelector('[data-testid="virtual-scroller"]') as HTMLElement;
        const cells = [...table.querySelectorAll("td, th")] as HTMLElement[];
        return {
          cells: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
          wider: table.scrollWidth > table.clientWidth + 1,
        };
      });
      expect(cut, `${width} px`).toEqual({ cells: [], wider: false });
      await expect(
        page
          .getByText(/^本学年 \d+(\.\d+)? 学分$/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `standing-${width}.png`) });
    }
  }, 60_000);

  it("loads a long list page after page as the reader scrolls, to the last row, nothing cut", async () => {
    // A college's whole cohort (every outcome) is more than one page of 200 rows.
    const [biggest] = await served.db
      .select({ collegeId: graduationAudits.collegeId, n: count() })
      .from(graduationAudits)
      .where(eq(graduationAudits.cohort, 2026))
      .groupBy(graduationAudits.collegeId)
      .orderBy(desc(count()))
      .limit(1);
    expect(biggest?.n).toBeGreaterThan(200);
    const page = await signIn("registrar", `/graduation?cohort=2026&collegeId=${biggest?.collegeId}`);
    await page.getByRole("switch", { name: "只看结业（未通过）" }).click();
    const footer = page.getByText(/^已(全部)?加载/);
    await footer.waitFor();
    const scroller = page.getByTestId("virtual-scroller");
    for (let i = 0; i < 20 && !(await footer.innerText()).startsWith("已全部加载"); i++) {
      const before = await footer.innerText();
      await scroller.evaluate((box) => box.scrollTo(0, box.scrollHeight));
      // The next page has arrived when the footer's count moves on.
      await expect.poll(() => footer.innerText()).not.toBe(before);
    }
    expect(await footer.innerText()).toBe(`已全部加载（${biggest?.n} 条）`);
  }, 60_000);

  it("keeps a virtual table still while the page around it re-renders on each key press", async () => {
    // The reported freeze: every key press re-rendered the table with new props, and it re-rendered forever.
    const page = await signIn("registrar");
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await followInApp(page, "/students?q=2025");
    await page.getByTestId("virtual-scroller").waitFor();
    const box = page.getByRole("searchbox");
    await box.click();
    await box.pressSequentially("0101", { delay: 30 });
    // A tab stuck re-rendering answers nothing: this evaluation would time out.
    expect(await page.evaluate(() => document.readyState, undefined)).toBe("complete");
    await page.getByRole("heading", { level: 1, name: "学生" }).waitFor({ timeout: 5_000 });
    expect(errors.filter((e) => /Maximum update depth|Too many re-renders/.test(e))).toEqual([]);
  }, 60_000);

  it("lets the registrar decide an application, with a comment, and shows it in the timeline", async () => {
    const [app] = await served.db.select().from(applications).where(eq(applications.stage, "reported")).orderBy(applications.id).limit(1);
    const page = await signIn("registrar", `/applications/${app?.id}`);
    await page.getByRole("region", { name: "审批" }).waitFor();
    await check(page, "application-detail");
    await page.getByRole("textbox", { name: "意见" }).fill("材料齐全，同意生效");
    await page.getByRole("button", { name: "通过" }).click();
    await page.getByText(/已处理，现处于“生效”/).waitFor();
    await page.getByText("材料齐全，同意生效").first().waitFor();
    const [after] = await served.db
      .select()
      .from(applications)
      .where(eq(applications.id, app?.id as number));
    expect(after?.stage).toBe("effective");
  }, 90_000);

  it("decides a bulk batch and reports the one that met a stale version, then retries it", async () => {
    const page = await signIn("registrar", `/applications?stage=reported&state=open&sort=filed&dir=asc`);
    const rows = page.locator("tbody tr[data-index]");
    await rows.first().waitFor();
    const ids = (await rows.locator("td:nth-child(2)").allInnerTexts()).slice(0, 3).map(Number);
    expect(ids).toHaveLength(3);
    for (let i = 0; i < 3; i++) await rows.nth(i).getByRole("checkbox").check();
    // Meanwhile someone decides the second one: the page still holds its old version.
    const [stale] = await served.db
      .select()
      .from(applications)
      .where(eq(applications.id, ids[1] as number));
    await served.db
      .update(applications)
      .set({ version: (stale?.version as number) + 1 })
      .where(eq(applications.id, ids[1] as number));
    await page.getByRole("button", { name: /批量处理（3）/ }).click();
    await page.getByRole("textbox", { name: "意见" }).fill("批量生效");
    await page.getByRole("button", { name: "处理 3 件" }).click();
    await page.getByText("成功 2 件，失败 1 件").waitFor();
    await expect(page.getByTestId(`bulk-result-${ids[1]}`).innerText()).resolves.toMatch(/未办理/);
    await page.screenshot({ path: join(ARTIFACTS, "bulk-results.png") });
    await page.getByRole("button", { name: "重试失败的 1 件" }).click();
    await page.getByText("成功 3 件，失败 0 件").waitFor();
    // Closed as the registrar would: the tab is hers for the next page.
    await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    const states = await served.db.select({ id: applications.id, stage: applications.stage }).from(applications);
    for (const id of ids) expect(states.find((s) => s.id === id)?.stage).toBe("effective");
  }, 90_000);

  it("groups the applications by stage, keeps the grouping in a saved view, and finds it again after a reload", async () => {
    const page = await signIn("registrar", `/applications?state=open`);
    await page.locator("tbody tr[data-index]").first().waitFor();
    await page.getByRole("combobox", { name: "分组" }).click();
    await page.getByRole("option", { name: "按当前环节" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("group")).toBe("stage");
    const headers = page.locator("tbody tr[data-group]").getByRole("button");
    await headers.first().waitFor();
    // Each header names the stage and how many open applications it holds in all (the server's count).
    const first = await headers.first().innerText();
    expect(first).toMatch(/ · (共 \d+ 件|已加载 \d+ \/ 共 \d+ 件)/);
    const firstGroup = (await page.locator("tbody tr[data-group]").first().getAttribute("data-group")) as string;
    const [{ n } = { n: 0 }] = await served.db
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.stage, firstGroup), eq(applications.state, "open")));
    expect(first).toContain(`共 ${n} 件`);
    // Collapsed from the keyboard: its rows leave the table, and Enter opens it again.
    const before = await page.locator("tbody tr[data-index]").count();
    await headers.first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => headers.first().getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("Enter");
    await expect.poll(() => headers.first().getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("tbody tr[data-index]").count()).toBe(before);

    await page.getByRole("button", { name: "保存视图" }).click();
    await page.getByRole("dialog").getByLabel("视图名称").fill("在办按环节");
    await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("view")).toMatch(/^\d+$/);
    const saved = page.url();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await page.screenshot({ path: join(ARTIFACTS, "applications-grouped.png") });

    // A fresh page on the saved URL, then the view from the menu: both come back grouped by stage.
    const again = await signIn("registrar");
    await again.goto(saved);
    await again.locator("tbody tr[data-group]").first().waitFor();
    await expect(again.getByRole("combobox", { name: "分组" }).innerText()).resolves.toContain("按当前环节");
    await followInApp(again, "/");
    await again.getByRole("link", { name: "在办按环节" }).click();
    await again.locator("tbody tr[data-group]").first().waitFor();
    expect(new URL(again.url()).searchParams.get("group")).toBe("stage");
    await check(again, "applications-grouped-view");
  }, 120_000);

  it("pages the saved views in the menu and in the list's view picker: 20 at first, the rest on 加载更多视图", async () => {
    const [registrar] = await served.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar"));
    await served.db.insert(savedViews).values(
      Array.from({ length: 25 }, (_, i) => ({
        page: "applications",
        name: `分页视图${String(i).padStart(2, "0")}`,
        state: { state: "open" },
        ownerId: registrar?.id as number,
      })),
    );
    const page = await signIn("registrar", `/applications`);
    // The views came in behind the page's back (the menu keeps what it read): loaded again, as after a day away.
    await page.reload();
    const menu = page.getByRole("list", { name: "已保存的视图" });
    await menu.getByRole("link").first().waitFor();
    const before = await menu.getByRole("link").count();
    expect(before).toBe(VIEWS_PAGE);
    // The views scroll within their list: the menu's entries after 学籍异动 stay in the window.
    const nav = page.getByRole("navigation", { name: "主导航" });
    expect(
      await nav
        .getByRole("link", { name: "审计日志" })
        .boundingBox()
        .then((box) => (box?.y ?? 9999) + (box?.height ?? 0)),
    ).toBeLessThan(page.viewportSize()?.height ?? 0);
    await menu.getByRole("button", { name: "加载更多视图……" }).click();
    await expect.poll(() => menu.getByRole("link", { name: /^分页视图/ }).count()).toBe(25);
    await page.screenshot({ path: join(ARTIFACTS, "saved-views-more.png") });
    // The picker shares the loaded pages: every one of them is an option, and no more is offered.
    await page.getByRole("combobox", { name: "视图" }).click();
    await expect.poll(() => page.getByRole("option", { name: /^分页视图/ }).count()).toBe(25);
    expect(await page.getByRole("option", { name: "加载更多视图……" }).count()).toBe(0);
    await page.getByRole("option", { name: "分页视图24" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("view")).toMatch(/^\d+$/);
    await served.db.delete(savedViews).where(eq(savedViews.ownerId, registrar?.id as number));
  }, 120_000);

  it("lets a secretary file an application for a student of the college", async () => {
    const [college] = await served.db.select({ collegeId: users.collegeId }).from(users).where(eq(users.role, "secretary")).limit(1);
    const secretary = await userOf("secretary", college?.collegeId as number);
    const page = await signIn(secretary);
    // An enrolled student of that college with no open application.
    const [student] = await served.db
      .select({ student_no: students.studentNo })
      .from(students)
      .where(
        and(
          eq(students.collegeId, college?.collegeId as number),
          eq(students.status, "enrolled"),
          notExists(
            served.db
              .select()
              .from(applications)
              .where(and(eq(applications.studentId, students.id), eq(applications.state, "open"))),
          ),
        ),
      )
      .orderBy(students.studentNo)
      .limit(1);
    await followInApp(page, "/applications");
    await page.getByRole("button", { name: "新建异动申请" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("学号").fill(student?.student_no as string);
    await dialog.getByRole("combobox", { name: "异动类型" }).click();
    await page.getByRole("option", { name: "休学" }).click();
    await dialog.getByRole("combobox", { name: "原因" }).click();
    await page.getByRole("option").first().click();
    for (const box of await dialog.getByRole("checkbox").all()) await box.check();
    await check(page, "file-application");
    await dialog.getByRole("button", { name: "保存为学院草稿" }).click();
    await page.getByText(/已新建申请 #\d+（学院草稿）/).waitFor();
    const filed = await served.db.select().from(applications).where(eq(applications.stage, "draft"));
    expect(filed.length).toBeGreaterThan(0);
  }, 90_000);

  it("shows a college the reason its check sheet was returned", async () => {
    const [waiting] = await served.db.select().from(sheetSubmissions).where(eq(sheetSubmissions.state, "submitted")).limit(1);
    const registrar = await signIn("registrar", `/sheets?open=${waiting?.id}`);
    await registrar.getByLabel("退回原因（学院会看到）").fill("第 12 行身份证号与出生日期不符，请核对后重新提交");
    await registrar.getByRole("button", { name: "退回学院" }).click();
    await registrar.getByTestId("return-reason").waitFor();
    await check(registrar, "sheet-returned");

    const secretary = await signIn(await userOf("secretary", waiting?.collegeId), `/sheets?open=${waiting?.id}`);
    await expect(secretary.getByTestId("return-reason").innerText()).resolves.toContain("第 12 行身份证号与出生日期不符");
  }, 90_000);
});
