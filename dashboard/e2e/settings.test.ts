import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHttpServer } from "../../server/src/http/server";
import { FAILED_HEADER, failedRows, gridOf } from "../../server/test/grid";
import { makeWorld, PASSWORD, TODAY, type World } from "../../server/test/world";
import { describeInChromium, HAS_CHROMIUM, openChromium, releaseChromium } from "../../test/chromium";
import { rootHandedBack } from "./axe";
import { buildDashboard } from "./build-dashboard";
import { fillSignIn, followInApp } from "./user-windows";

/**
 * The settings, audit log and users pages in real Chromium against a real server on a scratch
 * database, with the dashboard as `pnpm start` serves it. Screenshots go to e2e/artifacts/.
 */
const ARTIFACTS = join(import.meta.dirname, "artifacts");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let w: World;
let browser: Browser;
let base = "";
let close = () => {};

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const dist = buildDashboard();
  w = await makeWorld("pglite");
  await w.insertStudents([
    { studentNo: "2023010001", name: "学生甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2023 },
    { studentNo: "2023010002", name: "学生乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2023 },
  ]);
  await acceptFailedSheet("2023010001", "学生甲", "2025-2026-1", 9);
  const server = createHttpServer(w.database, { today: () => TODAY, sites: [{ prefix: "/", root: dist, fallback: "index.html" }] });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
  browser = await openChromium(chromium);
}, 180_000);

afterAll(async () => {
  await releaseChromium(browser);
  close();
  await w?.database.close();
});

/** A college secretary submits a failed-course sheet and the registrar accepts it, through the API. */
async function acceptFailedSheet(studentNo: string, name: string, term: string, credits: number) {
  const receipt = await (await w.as("secretary-a")).sheets.submit({
    clientId: `e2e-${studentNo}-${term}`,
    termCode: term,
    kind: "failed-courses",
    grid: gridOf([FAILED_HEADER, ...failedRows(studentNo, name, term, credits)]),
  });
  await (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
}

/** A window of the user's own, opened at `path`: the sign-in form shows in place there, the page after it. */
async function signIn(username: string, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && console.log(`[browser ${username}] ${m.text().slice(0, 400)}`));
  await page.goto(`${base}${path}`);
  await fillSignIn(page, username, PASSWORD);
  return { context, page };
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * axe-core on the page as it is: no serious or critical violation. Left out: Fluent's focus-trap
 * sentinels (tabster's `data-tabster-dummy`, focusable on purpose to move focus round a dialog or
 * table) and the shell's language switch (its label 语言 differs from its text "English"; reported
 * to the shell's owner, dashboard/src/shell/language-switch.tsx).
 */
const AXE_EXCLUDE = [["[data-tabster-dummy]"], ["button[aria-label='语言'][lang]"]];

async function expectAccessible(page: Page, what: string) {
  await rootHandedBack(page);
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (exclude) => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[]; html: string }> }> };
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, o: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(
      { exclude },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.html.slice(0, 300)}`),
    }));
  }, AXE_EXCLUDE);
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `${what}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

describeInChromium("the registrar's settings, audit log and users in Chromium", () => {
  it("a registrar leader edits a standing rule, sees an invalid draft refused at the field, previews, publishes, and the next review uses it", {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await signIn("registrar-leader", `/settings?kind=standing-rules&key=default`);
    const bands = page.getByRole("region", { name: "学期预警档次" });
    const from = bands.getByRole("spinbutton", { name: "起点（不及格学分 ≥） 第 1 行" });
    await expect.poll(() => from.inputValue()).toBe("12");
    await shoot(page, "settings");
    await expectAccessible(page, "settings");

    // An invalid draft: the first band's threshold left empty. The server's message shows at that field.
    await from.fill("");
    await from.press("Tab");
    await page.getByRole("button", { name: "检查草稿" }).click();
    await expect.poll(() => from.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await from.getAttribute("aria-describedby")) ?? "";
    const message = await page.evaluate(
      (ids) =>
        ids
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" "),
      describedBy,
    );
    expect(message).toContain("必填。");
    await expect.poll(() => page.getByRole("button", { name: "学期预警档次 › 第 1 行 › 起点（不及格学分 ≥）" }).count()).toBe(1); // in the summary above the form
    await shoot(page, "settings-invalid-draft");

    // The stricter rule: 8 failed credits in a term is already 一级学业警示.
    await from.fill("8");
    await from.press("Tab");
    await expect.poll(() => from.getAttribute("aria-invalid")).not.toBe("true");
    await expect.poll(() => page.getByRole("table", { name: "与现行版本相比" }).innerText()).toContain("12");

    const preview = page.getByRole("region", { name: "预览：对现有成绩记录的影响" });
    await preview.getByLabel("按哪一学年的成绩预览").selectOption("2025-2026");
    await preview.getByRole("button", { name: "预览影响" }).click();
    await expect.poll(() => preview.innerText()).toContain("1 名学生新增一级学业警示");
    expect(await preview.getByRole("table", { name: "结果将变化的学生" }).innerText()).toContain("学生甲");
    await shoot(page, "settings-preview");

    const publish = page.getByRole("region", { name: "发布" });
    expect(await publish.getByLabel("生效学年").inputValue()).toBe("2026-2027");
    await publish.getByLabel("修订原因").fill("学籍管理规定 2026 年修订：一学期不及格 8 学分即一级警示");
    await publish.getByRole("button", { name: "发布新版本" }).click();
    await page.getByText("已发布第 1 版，自 2026-2027 学年起生效。").waitFor();
    await shoot(page, "settings-published");

    // The next sheet review uses it: 9 failed credits in 2026-2027 now gives 一级学业警示 (12 before).
    await acceptFailedSheet("2023010002", "学生乙", "2026-2027-1", 9);
    const pending = await (await w.as("registrar")).pending.list({ academicYear: "2026-2027" });
    expect(pending.items.filter((p) => p.studentNo === "2023010002").map((p) => p.kind)).toEqual(["warning-1"]);
    const earlier = await (await w.as("registrar")).pending.list({ academicYear: "2025-2026" });
    expect(earlier.items.filter((p) => p.studentNo === "2023010001")).toEqual([]); // the year before keeps the old rule

    await page.getByRole("tab", { name: "历史版本" }).click();
    const diff = page.getByRole("table", { name: "第 1 版相对于上一版的改动" });
    await expect.poll(() => diff.innerText()).toContain("学期预警档次 › 第 1 行 › 起点（不及格学分 ≥）");
    expect(await diff.innerText()).toMatch(/12\s+8/);
    await shoot(page, "settings-history");
    await expectAccessible(page, "settings history");

    await followInApp(page, "/audit-log");
    const log = page.getByRole("table", { name: "审计日志" });
    await expect.poll(() => log.innerText()).toContain("发布设置");
    // The setting by its name, not its key (standing-rules/default).
    expect(await log.innerText()).toContain("学业预警规则");
    expect(await log.innerText()).not.toContain("standing-rules/default");
    await page.getByRole("button", { name: "验证哈希链" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "哈希链完整" }).count()).toBeGreaterThan(0);
    await shoot(page, "audit-log");
    await expectAccessible(page, "audit log");
    await context.close();
  });

  it("a registrar leader sets the students' age range (核对规则) and the registration limits, each field named in Chinese", {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await signIn("registrar-leader", `/settings?kind=check-rules&key=default`);
    const max = page.getByRole("spinbutton", { name: "最大年龄（岁）" });
    await expect.poll(() => max.inputValue()).toBe("80");
    // 发布新版本 waits, and says for what beside it: first a change, then the reason for it.
    const publish = page.getByRole("region", { name: "发布" });
    const publishButton = publish.getByRole("button", { name: "发布新版本" });
    expect(await publishButton.isDisabled()).toBe(true);
    await publish.getByText("草稿与现行版本相同：改动后才能发布。").waitFor();
    expect(await publishButton.getAttribute("aria-describedby")).toBe("publish-waits-for");
    expect(await page.getByRole("spinbutton", { name: "最小年龄（岁）" }).inputValue()).toBe("12");
    // A maximum below the minimum is refused at the maximum, in the registrar's words.
    await max.fill("10");
    await max.press("Tab");
    await page.getByRole("button", { name: "检查草稿" }).click();
    await expect.poll(() => max.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.getByText("应大于最小值（12）。").count()).toBeGreaterThan(0);
    await shoot(page, "settings-check-rules-invalid");
    await expectAccessible(page, "check rules");
    await max.fill("30");
    await max.press("Tab");
    await publish.getByText("填写修订原因（至少 2 个字）后才能发布。").waitFor();
    // The corrected field is checked again by itself, and its message goes.
    await expect.poll(() => max.getAttribute("aria-invalid")).not.toBe("true");
    await shoot(page, "settings-check-rules-needs-reason");
    await publish.getByLabel("修订原因").fill("全日制学生年龄上限 30 岁");
    expect(await publish.getByText(/后才能发布。$/).count()).toBe(0);
    await publishButton.click();
    await page.getByText("已发布第 1 版，自 2026-2027 学年起生效。").waitFor();
    expect(await (await w.as("secretary-a")).sheets.checkRules({ academicYear: "2026-2027" })).toMatchObject({
      version: 1,
      ageLimits: { min: 12, max: 30 },
    });

    await followInApp(page, "/settings?kind=registration-rules&key=default");
    await expect.poll(() => page.getByRole("spinbutton", { name: "学生办理注册期限（开学后周数）" }).inputValue()).toBe("2");
    await page
      .getByText(/开学后1个月内完成/)
      .first()
      .waitFor();
    await shoot(page, "settings-registration-rules");
    await context.close();
  });

  it("registrar staff read the settings but cannot publish", async () => {
    const { context, page } = await signIn("registrar", `/settings?kind=workflow&key=suspension`);
    await page.getByText("您可以查看设置，修改和发布需要教务处分管领导或系统管理员。").waitFor();
    expect(await page.getByRole("button", { name: "发布新版本" }).count()).toBe(0);
    await shoot(page, "settings-read-only");
    await context.close();
  }, 120_000);

  it("the administrator creates an account and resets a password", async () => {
    const { context, page } = await signIn("admin", `/users`);
    const table = page.getByRole("table", { name: "用户" });
    await expect.poll(() => table.innerText()).toContain("registrar-leader");
    await page.getByRole("button", { name: "新建用户" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("用户名").fill("secretary-c");
    await dialog.getByLabel("姓名").fill("王老师");
    await dialog.getByRole("combobox", { name: "学院" }).click();
    await page.getByRole("option", { name: "外国语学院" }).click();
    await dialog.getByLabel("初始密码").fill("a long initial password");
    await shoot(page, "users-create");
    await dialog.getByRole("button", { name: "创建" }).click();
    await page.getByText("已创建用户 secretary-c。").waitFor();
    await expect.poll(() => table.innerText()).toContain("王老师");

    // Reset secretary-b's password: a temporary one is shown once, the old one stops working, the new one signs in.
    await page.getByLabel("按用户名或姓名查找").fill("secretary-b");
    await expect.poll(() => table.getByRole("row").count()).toBe(2);
    await table.getByRole("button", { name: "secretary-b（secretary-b） 的操作" }).click();
    await page.getByRole("menuitem", { name: "重置密码" }).click();
    const reset = page.getByRole("dialog");
    await reset.getByRole("button", { name: "重置密码" }).click();
    const temporary = (await reset.locator("strong").innerText()).trim();
    expect(temporary).toMatch(/^\S{16}$/);
    await shoot(page, "users-reset-password");
    await reset.getByRole("button", { name: "关闭" }).click();
    const signInWith = async (password: string) =>
      fetch(`${base}/api/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base, "x-xueji-client": "dashboard" },
        body: JSON.stringify({ username: "secretary-b", password }),
      });
    expect((await signInWith(PASSWORD)).status).toBe(401);
    expect((await signInWith(temporary)).status).toBe(200);
    await page.getByLabel("按用户名或姓名查找").fill("");
    await shoot(page, "users");
    await expectAccessible(page, "users");
    await context.close();
  }, 120_000);
});
