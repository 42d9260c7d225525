// @vitest-environment node
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../server/src/db/client";
import { openScratchDatabase } from "../../server/src/db/test-database";
import { createHttpServer } from "../../server/src/http/server";
import { createUser } from "../../server/src/services/auth/manage-users";
import { describeInChromium, openChromium, releaseChromium } from "../../test/chromium";
import { buildDashboard } from "./build-dashboard";

const ARTIFACTS = join(import.meta.dirname, "artifacts");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PASSWORD = "first-admin-2026";
// ExcelJS is the server's (it writes the workbooks the server hands out); the dashboard does not depend on it.
const ExcelJS = createRequire(join(import.meta.dirname, "../../server/package.json"))("exceljs") as {
  Workbook: new () => {
    addWorksheet(name: string): { addRows(rows: unknown[][]): void };
    xlsx: { writeBuffer(): Promise<ArrayBuffer> };
  };
};

/** The old system's organisation export: a colleges sheet and a majors sheet naming a college by name. */
async function organisationSheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("学院").addRows([
    ["学院代码", "学院名称"],
    ["01", "信息工程学院"],
    ["02", "外国语学院"],
  ]);
  book.addWorksheet("专业").addRows([
    ["专业代码", "专业名称", "所属学院", "层次", "学制", "学习形式", "毕业学分", "学位门类"],
    ["050201", "英语", "外国语学院", "本科", 4, "普通全日制", 155, "文学"],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

// JOURNEYS A1–A2 on an EMPTY production database (not the demo): the first administrator signs in, sees what
// is missing, sets up the school, a college, a major, a class and a term by hand, imports the rest from a sheet,
// and can then make a secretary for a college.
describeInChromium("day one on an empty database, in Chromium against a real server", () => {
  let database: Database;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dist = buildDashboard();
    database = await openScratchDatabase("pglite");
    // What `xueji admin create` does (cli/admin.ts calls this service): the only row of an empty database.
    await createUser(
      database.db,
      { userId: null, role: null, requestId: "cli:admin-create" },
      { username: "it-admin", displayName: "信息中心 管理员", role: "admin", collegeId: null, password: PASSWORD, temporary: false },
    );
    const server = createHttpServer(database, { sites: [{ prefix: "/", root: dist, fallback: "index.html" }] });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    browser = await openChromium(chromium);
  }, 240_000);
  afterAll(async () => {
    await releaseChromium(browser);
    await close?.();
    await database?.close();
  });

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: AXE });
    return page.evaluate(async () => {
      type Axe = { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string }> }> };
      const result = await (window as unknown as { axe: Axe }).axe.run(
        { exclude: [["[data-tabster-dummy]"]] },
        { resultTypes: ["violations"] },
      );
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} ${(v as unknown as { nodes: Array<{ target: string[] }> }).nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `day-one-${name}.png`), fullPage: true });
  const dialog = (page: Page) => page.getByRole("dialog");
  const choose = async (page: Page, label: string, option: string) => {
    await dialog(page).getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  };

  it("walks from the checklist to a college a secretary can be created for", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      await walk(page);
    } catch (error) {
      await shot(page, "failure");
      throw error;
    }
    expect(errors).toEqual([]);
  }, 180_000);

  async function walk(page: Page) {
    await page.goto(`${base}/`);
    await page.getByLabel("用户名").fill("it-admin");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();

    // The administrator lands on the accounts, where what is missing is listed, each with its way there;
    // the whole checklist is 开始使用.
    const reminder = page.getByTestId("setup-reminder");
    await reminder.getByText("学籍系统尚未设置完成（还有 7 项）。").waitFor();
    await reminder.getByRole("link", { name: "为每个学院建立教学秘书账号" }).waitFor();
    // Listed once: the shell's warnings leave out the set-up items the reminder lists (here, all of them).
    await page.waitForLoadState("networkidle");
    expect(await page.getByTestId("system-warnings").count()).toBe(0);
    await shot(page, "landing-reminder");
    expect(await axe(page)).toEqual([]);
    await reminder.getByRole("link", { name: "查看开始使用清单" }).click();
    await page.getByRole("heading", { name: "开始使用" }).waitFor();
    await page.getByTestId("setup-school").waitFor();
    expect(await page.locator('[data-done="false"]').count()).toBe(7);
    await page.waitForLoadState("networkidle");
    expect(await page.getByTestId("system-warnings").count()).toBe(0);
    await shot(page, "checklist-empty");
    expect(await axe(page)).toEqual([]);

    // 学校: a 4-digit code is refused at its field, in Chinese.
    await page.getByTestId("setup-school").getByRole("link").click();
    await page.getByRole("heading", { name: "组织机构" }).waitFor();
    // Away from the lists, the shell says what is missing on every page.
    await page.getByTestId("system-warnings").getByText("建立学院和专业（尚无学院）").waitFor();
    await page.getByLabel("学校名称").fill("滨江大学");
    await page.getByLabel("学校代码").fill("1234");
    await page.getByLabel("校（院）长姓名").fill("周明远");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("学校代码须为 5 位数字（国标学校代码），“1234”不是。").waitFor();
    await page.getByLabel("学校代码").fill("12345");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存。").waitFor();
    await shot(page, "school");
    expect(await axe(page)).toEqual([]);

    // 学院: one by hand; the same code again is refused at the code.
    await page.getByTestId("org-tab-colleges").click();
    await page.getByText("还没有学院。").waitFor();
    await page.getByRole("button", { name: "新建学院" }).click();
    await dialog(page).getByLabel("学院代码").fill("03");
    await dialog(page).getByLabel("学院名称").fill("数学与统计学院");
    await dialog(page).getByRole("button", { name: "创建" }).click();
    await page.getByRole("cell", { name: "数学与统计学院", exact: true }).waitFor();
    await page.getByRole("button", { name: "新建学院" }).click();
    await dialog(page).getByLabel("学院代码").fill("03");
    await dialog(page).getByLabel("学院名称").fill("统计学院");
    await dialog(page).getByRole("button", { name: "创建" }).click();
    await dialog(page).getByText("学院代码“03”已被“数学与统计学院”使用。").waitFor();
    await shot(page, "college-duplicate");
    await dialog(page).getByRole("button", { name: "取消" }).click();

    // 专业 and 班级.
    await page.getByTestId("org-tab-majors").click();
    await page.getByRole("button", { name: "新建专业" }).click();
    await dialog(page).getByLabel("专业代码").fill("071201");
    await dialog(page).getByLabel("专业名称").fill("统计学");
    await choose(page, "所属学院", "数学与统计学院");
    await dialog(page).getByLabel("毕业学分").fill("160");
    await choose(page, "学位门类", "理学");
    await dialog(page).getByRole("button", { name: "创建" }).click();
    await page.getByRole("cell", { name: "统计学", exact: true }).waitFor();
    await shot(page, "majors");
    expect(await axe(page)).toEqual([]);
    await page.getByTestId("org-tab-classes").click();
    await page.getByRole("button", { name: "新建班级" }).click();
    await dialog(page).getByLabel("班级名称").fill("统计2026-1班");
    await choose(page, "所属专业", "统计学（本科）");
    await dialog(page).getByLabel("年级").fill("2026");
    await dialog(page).getByRole("button", { name: "创建" }).click();
    await page.getByRole("cell", { name: "统计2026-1班", exact: true }).waitFor();

    // 学期: reversed dates, then an overlap, refused at the field; then the term.
    await page.getByTestId("org-tab-terms").click();
    await page.getByRole("button", { name: "新建学期" }).click();
    await dialog(page).getByLabel("学期代码").fill("2026-2027-1");
    await dialog(page).getByLabel("第一天").fill("2027-01-17");
    await dialog(page).getByLabel("最后一天").fill("2026-09-01");
    await dialog(page).getByRole("button", { name: "创建" }).click();
    await dialog(page).getByText("最后一天（2026-09-01）早于第一天（2027-01-17）。").waitFor();
    await shot(page, "term-reversed");
    await dialog(page).getByLabel("第一天").fill("2026-09-01");
    await dialog(page).getByLabel("最后一天").fill("2027-01-17");
    await dialog(page).getByRole("button", { name: "创建" }).click();
    await page.getByRole("cell", { name: /^2026-2027-1/ }).waitFor();
    await page.getByRole("button", { name: "新建学期" }).click();
    await dialog(page).getByLabel("学期代码").fill("2026-2027-2");
    await dialog(page).getByLabel("第一天").fill("2027-01-10");
    await dialog(page).getByLabel("最后一天").fill("2027-07-10");
    await dialog(page).getByRole("button", { name: "创建" }).click();
    await dialog(page).getByText("与学期 2026-2027-1（2026-09-01 至 2027-01-17）的日期重叠。").waitFor();
    await dialog(page).getByRole("button", { name: "取消" }).click();
    await expect.poll(() => page.getByRole("cell", { name: /^2026-2027-1/ }).textContent()).toContain("当前学期");
    await shot(page, "terms");

    // 导入: the old system's sheet, dry run then confirm.
    await page.getByTestId("org-tab-import").click();
    await page.getByTestId("org-import-file").setInputFiles({
      name: "原系统组织机构.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await organisationSheet(),
    });
    await page.getByRole("button", { name: "试导入（不写入）" }).click();
    await page.getByText("将新建 3 条，更新 0 条，0 条不变。").waitFor();
    await shot(page, "import-dry-run");
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已导入：新建 3 条，更新 0 条，未变 0 条。").waitFor();
    await shot(page, "import-done");

    // The checklist has moved on; the 新建用户 dialog now offers the colleges.
    await page.getByRole("link", { name: "开始使用" }).click();
    await expect.poll(() => page.getByTestId("setup-school").getAttribute("data-done")).toBe("true");
    expect(await page.getByTestId("setup-organisation").getAttribute("data-done")).toBe("true");
    expect(await page.getByTestId("setup-terms").getAttribute("data-done")).toBe("true");
    expect(await page.getByTestId("setup-secretaries").textContent()).toContain("外国语学院");
    await shot(page, "checklist-after");
    await page.getByRole("link", { name: "用户", exact: true }).click();
    await page.getByRole("button", { name: "新建用户" }).click();
    await dialog(page).getByRole("combobox", { name: "学院" }).click();
    for (const name of ["信息工程学院", "外国语学院", "数学与统计学院"]) await page.getByRole("option", { name }).waitFor();
    await shot(page, "new-user-colleges");
  }
});
