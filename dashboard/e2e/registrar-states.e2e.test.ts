import { join } from "node:path";
import { count, desc, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { auditPending, courseResults, graduationAudits, imports, notificationOutbox, users } from "../../server/src/db/schema";
import { auditKey } from "../../server/src/services/audit-log/audit-key";
import { eventTail, sealOf } from "../../server/src/services/audit-log/chain-hash";
import { saveChannel } from "../../server/src/services/notifications/channels";
import { deliverOutbox } from "../../server/src/services/notifications/deliver-outbox";
import { describeInChromium, settled } from "../../test/chromium";
import { axe } from "./axe";
import { ARTIFACTS, dashboardInChromium } from "./harness";

const UNREACHABLE = "无法连接服务器：请检查网络后重试。如果一直如此，请告诉系统管理员。";

/** Requests from `page` fail as if the server were down: every one, or those asking for `procedure` (a tRPC path). */
async function serverDown(page: Page, procedure?: string): Promise<() => Promise<void>> {
  const pattern = (url: URL) =>
    url.pathname.startsWith("/api/") && (procedure === undefined || url.pathname.replace("/api/trpc/", "").split(",").includes(procedure));
  await page.route(pattern, (route) => route.abort("connectionrefused"));
  return () => page.unroute(pattern);
}

// What the registrar sees on 审计日志, 导入 and 通知 with data, with none, and when the server cannot be reached:
// each state says what it is, in her language, with what she can do.
describeInChromium("the registrar's pages with data, empty and failing, in Chromium against a real server", () => {
  const dashboard = dashboardInChromium();
  const shot = async (page: Page, name: string) => {
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, `states-${name}.png`), fullPage: true });
  };

  it("says the server cannot be reached in Chinese, on a page and for the whole dashboard, and recovers on 重试", async () => {
    const page = await dashboard.signIn("registrar");
    await page.getByRole("link", { name: "导入" }).click();
    const history = page.getByRole("region", { name: "导入记录" });
    await history.getByRole("button", { name: "查看 课程成绩.csv" }).waitFor();

    // The history's request fails: its section says so, not the browser's "Failed to fetch", and offers 重试.
    const up = await serverDown(page, "imports.list");
    await page.reload();
    await history.getByText(UNREACHABLE).waitFor();
    await history.getByText("出错了").waitFor();
    await shot(page, "imports-history-failed");
    await up();
    await history.getByRole("button", { name: "重试" }).click();
    await history.getByRole("button", { name: "查看 课程成绩.csv" }).waitFor();
    expect(await history.getByText(UNREACHABLE).count()).toBe(0);

    // A dry run sent while the server is down: said under the form, titled, in Chinese.
    await page
      .getByLabel("文件（.xlsx 或 .csv）")
      .setInputFiles({ name: "名册.csv", mimeType: "text/csv", buffer: Buffer.from("学号,姓名\n") });
    const down = await serverDown(page);
    await page.getByRole("button", { name: "试导入" }).click();
    const newImport = page.getByRole("region", { name: "新的导入" });
    await newImport.getByText("试导入没有完成").waitFor();
    await newImport.getByText(UNREACHABLE).waitFor();
    await shot(page, "imports-preview-failed");

    // The whole dashboard opened while the server is down.
    await page.reload();
    await page.getByText(UNREACHABLE).waitFor();
    expect(await page.getByText("Failed to fetch").count()).toBe(0);
    await down();
    await page.getByRole("button", { name: "重试" }).click();
    await page.getByRole("heading", { name: "新的导入" }).waitFor();
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows the imports' history, then says there is none", async () => {
    const page = await dashboard.signIn("registrar", { path: `/imports` });
    const history = page.getByRole("region", { name: "导入记录" });
    // Counts in the reader's locale (141,738 results), each row's button naming its file.
    await history.getByRole("row", { name: /课程成绩\.csv.*\d{1,3}(,\d{3})+ \/ 0 \/ 0 \/ 0/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    await dashboard.db.update(courseResults).set({ importId: null });
    await dashboard.db.delete(imports);
    await page.reload();
    await history.getByText("还没有导入记录。").waitFor();
    await shot(page, "imports-empty");
    await page.close();
  }, 120_000);

  it("shows 通知 with no channel and no message, then a failed delivery with its reason, and says which filter is empty", async () => {
    const page = await dashboard.signIn("registrar");
    await page.getByRole("link", { name: "通知" }).click();
    await page.getByText("还没有通知渠道：提醒不会发出。").waitFor();
    const messages = page.getByRole("region", { name: "消息" });
    await messages.getByText("没有消息。").waitFor();

    // The registrar office's robot, at an address nothing answers: the message fails, with its reason.
    const channel = await saveChannel(
      dashboard.db,
      { userId: null, role: null, requestId: "e2e" },
      { collegeId: null, kind: "wecom", enabled: true, config: {}, secrets: { webhookUrl: { value: "http://127.0.0.1:9/robot" } } },
    );
    const [registrar] = await dashboard.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar"));
    await dashboard.db.insert(notificationOutbox).values({
      channelId: channel.id,
      recipientUserId: registrar?.id ?? null,
      event: "digest",
      title: "待办提醒",
      body: "学籍异动：逾期 2 件",
    });
    await deliverOutbox(dashboard.db, new Date());
    await page.reload();
    await page.getByTestId(`channel-${channel.id}`).waitFor();
    await messages.getByRole("row", { name: /待办提醒/ }).waitFor();
    await shot(page, "notifications-data");
    expect(await axe(page)).toEqual([]);

    // Filtered to a state no message is in: says which.
    await page.getByTestId("outbox-state").selectOption("sent");
    await messages.getByText("没有“已发送”的消息。").waitFor();

    // The list's request fails: the section says so and keeps its filter to retry.
    const up = await serverDown(page, "notifications.outbox");
    await page.getByTestId("outbox-state").selectOption("failed");
    await messages.getByText(UNREACHABLE).waitFor();
    await shot(page, "notifications-failed");
    await up();
    await messages.getByRole("button", { name: "重试" }).click();
    await messages
      .getByRole("row", { name: /待办提醒/ })
      .or(messages.getByText("没有“失败”的消息。"))
      .waitFor();
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("keeps a college's audit results under a next page that failed, and says why a drill-down is empty", async () => {
    // A college's whole cohort (every outcome) is more than one page of 200 rows.
    const [biggest] = await dashboard.db
      .select({ collegeId: graduationAudits.collegeId, n: count() })
      .from(graduationAudits)
      .where(eq(graduationAudits.cohort, 2026))
      .groupBy(graduationAudits.collegeId)
      .orderBy(desc(count()))
      .limit(1);
    expect(biggest?.n).toBeGreaterThan(200);
    const page = await dashboard.signIn("registrar", { path: `/graduation?cohort=2026&collegeId=${biggest?.collegeId}&every=true` });
    const footer = page.getByText(/^已(全部)?加载/);
    await footer.waitFor();
    const table = page.getByRole("table", { name: /逐人结果/ });
    const shown = await footer.innerText();
    const scroller = page.getByTestId("virtual-scroller");
    let asked = 0;
    page.on("request", (r) => void (r.url().includes("graduation.list") && asked++));
    const up = await serverDown(page, "graduation.list");
    await scroller.evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await page.getByText(UNREACHABLE).waitFor();
    // The rows loaded stay, under the error and its 重试; the failed page is not asked for again and again.
    expect(await table.getByRole("row").count()).toBeGreaterThan(1);
    await expect.poll(() => footer.innerText()).toBe(shown);
    const failedAsks = asked;
    await page.waitForTimeout(3000);
    expect(asked).toBe(failedAsks);
    await shot(page, "graduation-next-page-failed");
    await up();
    await page.getByRole("button", { name: "重试" }).click();
    await expect.poll(() => page.getByText(UNREACHABLE).count()).toBe(0);
    // The reader scrolls on: the next page comes.
    await scroller.evaluate((box) => box.scrollBy(0, -50));
    await scroller.evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await expect.poll(() => footer.innerText()).not.toBe(shown);
    expect(await page.getByText(UNREACHABLE).count()).toBe(0);

    // A cohort not audited: the drill-down says there is nothing, in the words of the switch it is under.
    await page.goto(`${dashboard.base}/graduation?cohort=2031&collegeId=${biggest?.collegeId}`);
    await page.getByText("该学院没有未通过审核（结业）的学生。").waitFor();
    await page.getByRole("switch", { name: "只看结业（未通过）" }).click();
    await page.getByText("该学院没有审核结果。").waitFor();
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 120_000);

  // Last: a failed seal stops the chainer for the rest of this file's server.
  it("says in one paragraph, sentence after sentence, that events wait to be linked; then names the one whose seal fails", async () => {
    const page = await dashboard.signIn("registrar");
    await page.getByRole("link", { name: "审计日志" }).click();
    const table = page.getByRole("table", { name: "审计日志" });
    await table.getByRole("row").nth(1).waitFor();
    // The events are one Tab stop: the arrow keys move between them, Enter opens one, Tab leaves the list.
    expect(await table.locator('tr[tabindex="0"]').count()).toBe(1);
    await table.locator('tr[tabindex="0"]').focus();
    await page.keyboard.press("ArrowDown");
    const second = await page.evaluate(() => document.activeElement?.querySelector("td")?.textContent);
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: `第 ${second} 条记录` }).waitFor();
    await table.locator('tr[data-index="1"]').focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("TR");

    // The search fails: said in Chinese where the list was; 重试 brings it back.
    const up = await serverDown(page, "auditLog.search");
    await page.getByLabel("对象编号").fill("1");
    await page.getByLabel("对象编号").press("Enter");
    await page.getByText(UNREACHABLE).waitFor();
    await up();
    await page.getByRole("button", { name: "重试" }).click();
    await page.getByRole("table", { name: "审计日志" }).or(page.getByText("没有符合条件的记录。")).waitFor();
    expect(await page.getByText(UNREACHABLE).count()).toBe(0);
    await page.goto(`${dashboard.base}/audit-log?entityId=nothing-here`);
    await page.getByText("没有符合条件的记录。").waitFor();

    // An event committed, sealed and not yet linked (the chainer has not passed since).
    const fields = {
      at: new Date().toISOString(),
      userId: null,
      role: null,
      action: "student.update",
      entity: "student",
      entityId: "1",
      before: null,
      after: null,
      requestId: null,
    };
    await dashboard.db.insert(auditPending).values({ ...fields, seal: sealOf(eventTail(fields), auditKey()) });
    const verify = page.getByRole("button", { name: "验证哈希链" });
    await verify.click();
    const verdict = page.getByRole("status").filter({ hasText: "哈希链" });
    // Chinese sentences run on with no space between them; the counts are in the reader's locale.
    await verdict
      .getByText(/^哈希链完整：已逐条核对 \d{1,3}(,\d{3})+ 条记录，没有被改动、删除或插入的记录。另有 1 条已提交的记录尚未链入哈希链/)
      .waitFor();
    expect(await verdict.textContent()).not.toMatch(/。 /);
    await shot(page, "audit-log-pending");

    // Verifying while the server is down: said, in Chinese.
    const down = await serverDown(page, "auditLog.verify");
    await verify.click();
    await page.getByText(UNREACHABLE).waitFor();
    await down();

    // An event after it whose seal fails (edited after its commit): the verdict names it.
    await dashboard.db.insert(auditPending).values({ ...fields, entityId: "2", seal: sealOf(eventTail(fields), auditKey()) });
    await verify.click();
    await verdict.getByText(/被改动过，其封印不符：.*（.* 2）/).waitFor();
    await shot(page, "audit-log-seal");
    expect(await axe(page)).toEqual([]);
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 120_000);
});
