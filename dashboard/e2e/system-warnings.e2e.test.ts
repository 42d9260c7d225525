import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { users } from "../../server/src/db/schema";
import { describeInChromium } from "../../test/chromium";
import { ARTIFACTS, dashboardInChromium } from "./harness";

// The server's warnings reach the screens: the missing holidays of a year the academic year spans (2027's
// State Council notice is not out) are shown to those who can enter them, not only in the console.
describeInChromium("system warnings on the screens, in Chromium against a real server", () => {
  const dashboard = dashboardInChromium({ viewport: { width: 1440, height: 900 } });

  /** Each warning's code and where its link goes (path and query), as the banner shows them. */
  async function bannerLinks(page: Page): Promise<Array<[string, string]>> {
    const links = page.getByTestId("system-warnings").locator("[data-testid^='warning-go-']");
    await links.first().waitFor();
    return links.evaluateAll((as) =>
      as.map((a) => {
        const url = new URL((a as HTMLAnchorElement).href);
        return [(a.getAttribute("data-testid") ?? "").replace("warning-go-", ""), `${url.pathname}${url.search}`] as [string, string];
      }),
    );
  }

  /** Where 开始使用 links each item, for this reader (no link where the reader may not go). */
  async function checklistLinks(page: Page): Promise<Record<string, string | null>> {
    await page.goto(`${dashboard.base}/setup`);
    await page.getByTestId("setup-record").waitFor();
    return page.locator("[data-testid^='setup-']").evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => {
          const a = li.querySelector("a");
          const url = a ? new URL(a.href) : null;
          return [(li.getAttribute("data-testid") ?? "").replace("setup-", ""), url ? `${url.pathname}${url.search}` : null];
        }),
      ),
    );
  }

  const ITEM_OF: Record<string, string> = { "calendar.holidays-missing": "holidays", "setup.secretaries": "secretaries" };

  it("shows the registrar leader the missing holidays with the way to fix them, and not the secretary", async () => {
    const health = (await (await fetch(`${dashboard.base}/api/health`)).json()) as { warnings?: Array<{ years: number[] }> };
    const missing = health.warnings?.[0]?.years ?? [];
    expect(missing.length).toBeGreaterThan(0);
    // On the landing page the set-up reminder lists it, with its way there; the banner says it on other pages.
    const leader = await dashboard.signIn("registrar-leader");
    await leader
      .getByTestId("setup-reminder")
      .getByRole("link", { name: /法定节假日/ })
      .waitFor();
    await leader.waitForLoadState("networkidle");
    expect(await leader.getByTestId("system-warnings").count()).toBe(0);
    await leader.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "学籍异动" }).click();
    const banner = leader.getByTestId("system-warnings");
    await banner.getByText(String(missing[0])).first().waitFor();
    await leader.screenshot({ path: join(ARTIFACTS, "system-warnings-leader.png") });
    await banner.getByRole("link", { name: "前往「设置」" }).first().click();
    await leader.waitForURL(/\/settings\?.*kind=holidays/);
    await leader.close();

    const secretary = await dashboard.signIn("sec-01");
    await secretary.getByRole("heading").first().waitFor();
    await secretary.waitForLoadState("networkidle");
    expect(await secretary.getByTestId("system-warnings").count()).toBe(0);
    await secretary.close();
  }, 120_000);

  it("links each warning where 开始使用 links its item: the holidays to 设置, a college without a secretary to 用户", async () => {
    // A college loses its only secretary: the checklist's 教学秘书 item is open again, and the banner says so.
    await dashboard.db.update(users).set({ disabled: true }).where(eq(users.username, "sec-01"));
    for (const username of ["admin", "registrar-leader"]) {
      // A page without the set-up reminder (the landing pages list these items themselves).
      const page = await dashboard.signIn(username, { path: "/settings" });
      await page.getByTestId("system-warnings").getByText("教学秘书").first().waitFor();
      const banner = await bannerLinks(page);
      expect(banner.map(([code]) => code)).toEqual(expect.arrayContaining(Object.keys(ITEM_OF)));
      // Several warnings are one bar that lists them, not a box each stacked above the page.
      expect(await page.getByTestId("system-warnings").locator(".fui-MessageBar").count()).toBe(1);
      await page.getByTestId("system-warnings").getByText(`需要处理（${banner.length} 项）`).waitFor();
      if (username === "admin") await page.screenshot({ path: join(ARTIFACTS, "system-warnings-admin.png") });
      const checklist = await checklistLinks(page);
      for (const [code, href] of banner) {
        const item = ITEM_OF[code] ?? code.replace("setup.", "");
        // Where the checklist has no link for this reader (the registrar leader manages no accounts), 开始使用 itself.
        expect([code, href]).toEqual([code, checklist[item] ?? "/setup"]);
      }
      if (username === "admin") expect(Object.fromEntries(banner)["setup.secretaries"]).toBe("/users");
      else expect(Object.fromEntries(banner)["setup.secretaries"]).toBe("/setup");
      await page.close();
    }
    await dashboard.db.update(users).set({ disabled: false }).where(eq(users.username, "sec-01"));
  }, 120_000);
});
