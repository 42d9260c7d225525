import { join } from "node:path";
import { receiptCode } from "@xueji/shared";
import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents } from "../../server/src/db/schema";
import { describeInChromium } from "../../test/chromium";
import { axe } from "./axe";
import { ARTIFACTS, dashboardInChromium } from "./harness";

// Journey D6: registrar staff search the audit log and verify it, reading every line by name.
describeInChromium("the audit log for the registrar's staff, in Chromium against a real server", () => {
  const dashboard = dashboardInChromium();

  it("opens the log to registrar staff, names every action and field, and keeps account events from them", async () => {
    // An executed 休学: its event records the student's status before and after.
    const [executed] = await dashboard.db
      .select({ entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "application.advance"), sql`${auditEvents.after}::text like '%"suspended"%'`))
      .limit(1);
    expect(executed).toBeDefined();
    const page = await dashboard.signIn("registrar");
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.getByRole("link", { name: "审计日志" }).click();
    await page.getByRole("heading", { name: "审计日志" }).waitFor();
    await page.getByText("账号管理与设置的事件仅教务处分管领导和系统管理员可见").waitFor();
    const table = page.getByRole("table", { name: "审计日志" });
    await table.getByRole("row").nth(1).waitFor();
    const text = (await table.textContent()) ?? "";
    // Names, not keys.
    expect(text).not.toMatch(/sheet\.|application\.|graduation_|sheet_submission|registration\./);
    expect(text).not.toContain("登录");

    await page.goto(`${dashboard.base}/audit-log?entity=application&entityId=${executed?.entityId}`);
    await table
      .getByRole("row", { name: /审批通过/ })
      .first()
      .waitFor();
    const rows = table.getByRole("row", { name: /审批通过/ });
    const count = await rows.count();
    // Open each approval of this application until the one that executed it shows the status change.
    let found = false;
    for (let i = 0; i < count && !found; i++) {
      await rows.nth(i).click();
      const detail = page.getByRole("table", { name: /^第 \d+ 条记录$/ });
      await detail.waitFor();
      found = (await detail.getByRole("row", { name: /学籍状态\s*在读\s*休学/ }).count()) > 0;
    }
    expect(found).toBe(true);
    expect(await page.locator("pre").count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "audit-log-staff-detail.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);

    // A sheet found by the receipt its secretary reads out (eight characters), typed into 对象编号, and shown by it.
    const [sheet] = await dashboard.db
      .select({ entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(eq(auditEvents.entity, "sheet_submission"))
      .limit(1);
    const code = receiptCode(sheet?.entityId ?? "");
    await page.goto(`${dashboard.base}/audit-log`);
    await page.getByLabel("对象编号").fill(code);
    await page.getByLabel("对象编号").press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("entityId")).toBe(code);
    await table
      .getByRole("row", { name: new RegExp(`核对表\\s*${code}`) })
      .first()
      .waitFor();
    const listed = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.textContent ?? ""));
    expect(listed.length).toBeGreaterThan(0);
    for (const row of listed) expect(row).toContain(code);
    await page.screenshot({ path: join(ARTIFACTS, "audit-log-receipt.png"), fullPage: true });

    // Account events are not theirs, even asked for by address.
    await page.goto(`${dashboard.base}/audit-log?action=auth.sign-in`);
    await page.getByText("没有符合条件的记录。").waitFor();

    // The full list, page by page, beside the search.
    await page.goto(`${dashboard.base}/audit-log`);
    await page.getByRole("tab", { name: "完整列表" }).click();
    const full = page.getByRole("table", { name: "完整列表" });
    await full.getByRole("row").nth(1).waitFor();
    expect(page.url()).toContain("view=all");
    expect((await full.textContent()) ?? "").not.toContain("用户");
    await page.screenshot({ path: join(ARTIFACTS, "audit-log-full-list.png"), fullPage: true });
    await page.getByRole("button", { name: "验证哈希链" }).click();
    await page.getByText(/哈希链完整/).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
