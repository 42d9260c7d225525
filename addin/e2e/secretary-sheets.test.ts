/**
 * The secretary's check sheets in file mode (JOURNEYS.md B1–B3), as she meets them: a template the
 * pane made comes back as its own kind, 提交 is never offered for what the server refuses, one
 * mistake that fails most rows is said once, the fix preview leaves formula cells out, a failed
 * call says what failed, and the pane speaks Chinese in an English browser.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PASSWORD } from "../../server/test/world";
import { describeInChromium, HAS_CHROMIUM, releaseChromium, settled } from "../../test/chromium";
import { openBrowser, seriousViolations, shot, signIn, startServer } from "./harness";

const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
const dir = mkdtempSync(join(tmpdir(), "xueji-secretary-"));

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  server = await startServer();
  browser = await openBrowser();
  const { world } = server;
  // College A's students now: the returning roster is filled with them.
  await world.insertStudents([
    { studentNo: "2025010301", name: "陈一", collegeId: world.collegeA, majorId: world.majorA, grade: 2025, gender: "1" },
    { studentNo: "2025010302", name: "林二", collegeId: world.collegeA, majorId: world.majorA, grade: 2025, gender: "2" },
    { studentNo: "2024010303", name: "黄三", collegeId: world.collegeA, majorId: world.majorA, grade: 2024, gender: "1" },
  ]);
}, 180_000);

afterAll(async () => {
  await releaseChromium(browser);
  await server?.close();
});

/** File mode in a browser whose language is `locale` (office.js unreachable, as on a campus intranet). */
async function filePane(locale = "zh-CN"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, acceptDownloads: true, locale });
  const page = await context.newPage();
  await page.route(OFFICE_JS, (route) => route.abort());
  await page.goto(`${server.base}/addin/taskpane.html`);
  return { context, page };
}

async function check(page: Page, file: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByRole("button", { name: "检查", exact: true }).click();
  await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
}

async function errorsOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute("data-errors"));
}

async function workbookFile(name: string, rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  const file = join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

describeInChromium("the secretary's check sheets in file mode (Chromium)", () => {
  it("opens in Chinese in an English browser; English is her choice in the pane, remembered", async () => {
    const { context, page } = await filePane("en-US");
    await page.getByRole("heading", { name: "登录学籍系统" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await shot(page, "secretary-1-en-browser-chinese");
    await page.getByTestId("language").click();
    await page.getByRole("heading", { name: /Sign in/ }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: /Sign in/ }).waitFor();
    await page.getByTestId("language").click();
    await page.getByRole("heading", { name: "登录学籍系统" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("says offline only when the server cannot be reached; a gateway's page instead of the answer is said to be one, with its status", async () => {
    const { context, page } = await filePane();
    await page.route("**/api/trpc/**", (route) => route.abort("connectionrefused"));
    await page.getByLabel("用户名").fill("secretary-a");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByText("无法连接学籍服务器，请检查网络或联系教务处。").waitFor();
    // A proxy's error page instead of the server's answer: not "offline", not the JSON parser's words, but what it is.
    await page.unroute("**/api/trpc/**");
    await page.route("**/api/trpc/**", (route) =>
      route.fulfill({ status: 502, contentType: "text/html", body: "<html><body>Bad Gateway</body></html>" }),
    );
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByText("学籍服务器没有正常应答：收到的是一个网页（HTTP 502），多半来自学校网络的代理或网关").waitFor();
    expect(await page.getByText("无法连接学籍服务器").count()).toBe(0);
    await shot(page, "secretary-2-gateway-page");
    await context.close();
  });

  it("新建核对表's returning roster comes back as 在校生学年电子注册信息核对表; 提交 waits until it is error-free, then goes", async () => {
    const { context, page } = await filePane();
    await signIn(page, "secretary-a", PASSWORD);
    await page.getByRole("tab", { name: "新建核对表" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载核对表" }).click();
    const template = join(dir, "在校生学年电子注册信息核对表.xlsx");
    await (await download).saveAs(template);

    await page.getByRole("tab", { name: "检查" }).click();
    await check(page, template);
    expect(await page.getByTestId("summary").textContent()).toContain("识别为“在校生学年电子注册信息核对表”，表头在第 2 行");
    // Only 注册状态, which she fills, is missing: one error per student, none from 层次 or 民族.
    expect(await errorsOf(page, "summary-sheet")).toBe(3);
    await expect(page.getByRole("button", { name: "提交" }).isDisabled()).resolves.toBe(true);
    const blocked = await page.getByTestId("submit-blocked").textContent();
    expect(blocked).toContain("“在校生学年电子注册信息核对表”须全部修正后才能提交：表中还有 3 个错误");
    await shot(page, "secretary-3-template-blocked");
    expect(await seriousViolations(page)).toEqual([]);

    // She fills 注册状态 (as in WPS) and checks again: nothing left, 提交 goes through.
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.readFile(template);
    const sheet = filled.worksheets[0] as ExcelJS.Worksheet;
    const status = (sheet.getRow(2).values as unknown[]).indexOf("注册状态");
    for (const r of [3, 4, 5]) sheet.getCell(r, status).value = "已注册";
    const done = join(dir, "在校生学年电子注册信息核对表_已填.xlsx");
    await filled.xlsx.writeFile(done);
    await check(page, done);
    expect(await errorsOf(page, "summary-sheet")).toBe(0);
    expect(await errorsOf(page, "summary-record")).toBe(0);
    expect(await page.getByTestId("submit-blocked").count()).toBe(0);
    await page.getByRole("button", { name: "提交" }).click();
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByTestId("receipt").waitFor();
    await settled(page);
    await shot(page, "secretary-4-template-submitted");
    await context.close();
  });

  it("says once that most rows' 学号 are not in the record, instead of only listing each row", async () => {
    const unknown = Array.from({ length: 8 }, (_, i) => [`20990199${String(i).padStart(2, "0")}`, `学生${i}`, "已注册"]);
    const file = await workbookFile("其他学校.xlsx", [
      ["在校生学年电子注册信息核对表"],
      ["学号", "姓名", "注册状态"],
      ["2025010301", "陈一", "已注册"],
      ...unknown,
    ]);
    const { context, page } = await filePane();
    await signIn(page, "secretary-a", PASSWORD);
    await check(page, file);
    const said = page.getByTestId("widespread");
    await said.waitFor();
    expect(await said.textContent()).toBe("8 行学号不在学籍库——是否选错了学期或学院？");
    await shot(page, "secretary-5-widespread");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("一键修正's preview leaves a formula cell out of what it will fix and names it apart", async () => {
    const file = await workbookFile(
      "公式.xlsx",
      [
        ["在校生学年电子注册信息核对表"],
        ["学号", "姓名", "注册状态", "民族"],
        ["2025010301", "陈一", "已注册", "汉"],
        ["2025010302", "林二", "已注册", "汉"],
      ],
      // 民族 in D4 looked up by a formula: its result 汉 would be fixed to 汉族 by overwriting the formula.
      (sheet) => {
        sheet.getCell("D4").value = { formula: 'TRIM(" 汉")', result: "汉" };
      },
    );
    const { context, page } = await filePane();
    await signIn(page, "secretary-a", PASSWORD);
    await check(page, file);
    await page.getByRole("button", { name: "一键修正" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.getByText("D3", { exact: true }).count()).toBe(1);
    expect(await dialog.getByText("D4", { exact: true }).count()).toBe(0);
    expect(await dialog.getByTestId("fix-formula-cells").textContent()).toBe("公式单元格，不修改（1 处）：D4。请修改公式引用的原数据。");
    expect(await dialog.textContent()).toContain("将写入 1 处安全修正");
    await settled(page);
    await shot(page, "secretary-6-fix-formula");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
