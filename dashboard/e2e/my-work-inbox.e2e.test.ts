// @vitest-environment node
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { users } from "../../server/src/db/schema";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { myInbox } from "../../server/src/services/insights/my-inbox";
import { CHROMIUM, describeInChromium } from "../../test/chromium";
import { serveDashboard } from "./serve-dashboard";

const ARTIFACTS = join(import.meta.dirname, "artifacts");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Journey B6: her 我的待办 shows all that waits for her (sheets and 学业预警 too), with working days left.
describeInChromium("one inbox per role in 我的待办, in Chromium against a real server", () => {
  let served: Awaited<ReturnType<typeof serveDashboard>>;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    served = await serveDashboard();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${served.base}/`);
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    return page;
  }

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: AXE });
    return page.evaluate(async () => {
      type Axe = {
        run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ html: string }> }> }>;
      };
      const result = await (window as unknown as { axe: Axe }).axe.run(
        { exclude: [["[data-tabster-dummy]"]] },
        { resultTypes: ["violations"] },
      );
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 160)).join(" | ")}`);
    });
  }

  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const KIND_WORDS = {
    "sheet-returned": "核对表被退回",
    "sheet-due": "核对表待提交",
    "sheet-to-review": "核对表待审核",
    "standing-pending": "学业预警待处理",
    "standing-take-up": "学业预警待发起异动",
  } as const;

  for (const username of ["sec-01", "registrar"]) {
    it(`shows ${username} the sheets and standing items that wait, besides applications`, async () => {
      const [user] = await served.db.select().from(users).where(eq(users.username, username));
      const expected = (
        await myInbox(served.db, { worker: { role: user?.role as "secretary", collegeId: user?.collegeId ?? null }, today: today() })
      ).items;
      expect(expected.length).toBeGreaterThan(0);
      const page = await signIn(username);
      await page.getByRole("link", { name: "我的待办" }).click();
      const table = page.getByRole("table", { name: "核对表与学业预警待办" });
      await table.getByRole("row").nth(1).waitFor();
      expect(await table.getByRole("row").count()).toBe(expected.length + 1);
      const text = (await table.textContent()) ?? "";
      for (const kind of new Set(expected.map((i) => i.kind))) expect(text).toContain(KIND_WORDS[kind]);
      // The applications part is still there, under its own heading.
      await page.getByRole("heading", { name: "学籍异动" }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `my-work-inbox-${username}.png`), fullPage: true });
      expect(await axe(page)).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
