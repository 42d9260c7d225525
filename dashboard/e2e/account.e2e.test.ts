import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { auditEvents, users } from "../../server/src/db/schema";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { endSessions, resetPassword, setDisabled } from "../../server/src/services/auth/manage-users";
import { describeInChromium } from "../../test/chromium";
import { axe } from "./axe";
import { ARTIFACTS, dashboardInChromium } from "./harness";

// Journey G: a user whose session ended lands on sign-in with the reason; A4: a temporary password is
// changed at first sign-in; everyone may change their own password.
describeInChromium("accounts and sessions, in Chromium against a real server", () => {
  let adminId: number;
  const dashboard = dashboardInChromium({
    async setUp({ db }) {
      adminId = (await db.select({ id: users.id }).from(users).where(eq(users.username, "admin")))[0]?.id as number;
    },
  });
  const admin = () => ({ userId: adminId, role: "admin" as const, requestId: "e2e" });
  const idOf = async (username: string) =>
    (await dashboard.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id as number;

  async function signIn(username: string, password = DEMO_PASSWORD, width = 1440): Promise<Page> {
    const page = await dashboard.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${dashboard.base}/`);
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
    return page;
  }

  it("sends a reader whose password was reset to sign-in with the reason, then makes the temporary password be changed", async () => {
    const page = await signIn("sec-01");
    await page.getByTestId("signed-in-as").waitFor();
    const reset = await resetPassword(dashboard.db, admin(), await idOf("sec-01"));
    // The next thing she does finds the session gone: not an error inside the page, the sign-in page saying why.
    await page.getByRole("link", { name: "学生" }).click();
    const notice = page.getByTestId("session-ended");
    await notice.getByText("密码已重置").waitFor();
    expect(await page.getByText("出错了").count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "account-session-ended-reset.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);

    // A wrong password says how many attempts are left (the same words for a name that does not exist).
    await page.getByLabel("用户名").fill("sec-01");
    await page.getByLabel("密码").fill("not the password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByText("还可尝试 4 次").waitFor();

    // The temporary password opens only the change of it.
    await page.getByLabel("密码").fill(reset.temporaryPassword as string);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { name: "请先修改临时密码" }).waitFor();
    expect(await page.getByRole("navigation", { name: "主导航" }).count()).toBe(0);
    await page.getByLabel("当前密码").fill(reset.temporaryPassword as string);
    await page.getByLabel(/^新密码/).fill("sec-01");
    await page.getByText("密码至少需要 10 个字符").waitFor();
    await page.getByLabel(/^新密码/).fill("我的新密码是一句好记的话");
    await page.getByLabel("再次输入新密码").fill("我的新密码是一句好记的话");
    await page.screenshot({ path: join(ARTIFACTS, "account-forced-change.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    const [event] = await dashboard.db.select().from(auditEvents).where(eq(auditEvents.action, "user.change-password"));
    expect(event?.after).toMatchObject({ wasTemporary: true });
    await page.close();
  }, 120_000);

  it("says 账号已停用 and 会话已结束 to readers whose account was disabled or session ended", async () => {
    const page = await signIn("leader-01");
    await page.getByTestId("signed-in-as").waitFor();
    await setDisabled(dashboard.db, admin(), await idOf("leader-01"), true);
    await page.reload();
    await page.getByTestId("session-ended").getByText("账号已停用").waitFor();
    await setDisabled(dashboard.db, admin(), await idOf("leader-01"), false);

    const other = await signIn("school-leader");
    await other.getByTestId("signed-in-as").waitFor();
    await endSessions(dashboard.db, admin(), await idOf("school-leader"));
    await other.getByRole("link", { name: "学生" }).click();
    await other.getByTestId("session-ended").getByText("管理员已结束您的会话").waitFor();
    await other.screenshot({ path: join(ARTIFACTS, "account-session-ended-admin.png"), fullPage: true });
    await page.close();
    await other.close();
  }, 120_000);

  it("lets anyone change their password from the header; their other sessions end", async () => {
    const first = await signIn("registrar");
    await first.getByTestId("signed-in-as").waitFor();
    const second = await signIn("registrar");
    await second.getByTestId("signed-in-as").waitFor();
    await first.getByRole("button", { name: "修改密码" }).click();
    const dialog = first.getByRole("dialog");
    await dialog.getByLabel("当前密码").fill(DEMO_PASSWORD);
    await dialog.getByLabel(/^新密码/).fill("学籍中心的新密码很好记");
    await dialog.getByLabel("再次输入新密码").fill("学籍中心的新密码很好记");
    await dialog.getByRole("button", { name: "修改密码" }).click();
    await dialog.getByText("密码已修改。1 个其他会话已结束。").waitFor();
    await first.screenshot({ path: join(ARTIFACTS, "account-change-password.png"), fullPage: true });
    await dialog.getByRole("button", { name: "关闭" }).click();
    await second.reload();
    await second.getByTestId("session-ended").getByText("密码已重置").waitFor();
    await first.getByTestId("signed-in-as").waitFor();
    await first.close();
    await second.close();
  }, 120_000);

  it("collapses the menu at 1024 px and remembers it", async () => {
    const page = await signIn("registrar", "学籍中心的新密码很好记", 1024);
    await page.getByTestId("signed-in-as").waitFor();
    const nav = page.getByRole("navigation", { name: "主导航" });
    const wide = (await nav.boundingBox())?.width ?? 0;
    await nav.getByRole("button", { name: "收起菜单" }).click();
    await nav.getByRole("link", { name: "学籍异动" }).waitFor();
    expect((await nav.boundingBox())?.width ?? 0).toBeLessThan(wide / 2);
    await page.reload();
    await nav.getByRole("button", { name: "展开菜单" }).waitFor();
    expect((await nav.boundingBox())?.width ?? 0).toBeLessThan(wide / 2);
    await page.screenshot({ path: join(ARTIFACTS, "account-menu-collapsed.png") });
    expect(await axe(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
