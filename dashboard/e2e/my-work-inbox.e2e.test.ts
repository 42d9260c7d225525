import { join } from "node:path";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "../../server/src/db/schema";
import { myInbox } from "../../server/src/services/insights/my-inbox";
import { describeInChromium } from "../../test/chromium";
import { axe } from "./axe";
import { ARTIFACTS, dashboardInChromium } from "./harness";

// Journey B6: her 我的待办 shows all that waits for her (sheets and 学业预警 too), with working days left.
describeInChromium("one inbox per role in 我的待办, in Chromium against a real server", () => {
  const dashboard = dashboardInChromium();

  const KIND_WORDS = {
    "sheet-returned": "核对表被退回",
    "sheet-due": "核对表待提交",
    "sheet-to-review": "核对表待审核",
    "standing-pending": "学业预警待处理",
    "standing-take-up": "学业预警待发起异动",
  } as const;

  for (const username of ["sec-01", "registrar"]) {
    it(`shows ${username} the sheets and standing items that wait, besides applications`, async () => {
      const [user] = await dashboard.db.select().from(users).where(eq(users.username, username));
      const expected = (
        await myInbox(dashboard.db, {
          worker: { role: user?.role as "secretary", collegeId: user?.collegeId ?? null },
          today: dashboard.served.today,
        })
      ).items;
      expect(expected.length).toBeGreaterThan(0);
      const page = await dashboard.signIn(username);
      await page.getByRole("link", { name: "我的待办" }).click();
      const table = page.getByRole("table", { name: "核对表与学业预警待办" });
      await table.getByRole("row").nth(1).waitFor();
      expect(await table.getByRole("row").count()).toBe(expected.length + 1);
      const text = (await table.textContent()) ?? "";
      for (const kind of new Set(expected.map((i) => i.kind))) expect(text).toContain(KIND_WORDS[kind]);
      // A sheet waiting for review names its term, as the secretary's calendar task does.
      for (const item of expected.filter((i) => i.kind === "sheet-to-review")) expect(text).toContain(` · ${item.termCode}`);
      // The applications part is still there, under its own heading.
      await page.getByRole("heading", { name: "学籍异动" }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `my-work-inbox-${username}.png`), fullPage: true });
      expect(await axe(page)).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
