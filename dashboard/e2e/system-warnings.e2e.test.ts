// @vitest-environment node
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { CHROMIUM, describeInChromium } from "../../test/chromium";
import { serveDashboard } from "./serve-dashboard";

const ARTIFACTS = join(import.meta.dirname, "artifacts");

// The server's warnings reach the screens: the missing holidays of a year the academic year spans (2027's
// State Council notice is not out) are shown to those who can enter them, not only in the console.
describeInChromium("system warnings on the screens, in Chromium against a real server", () => {
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
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${served.base}/`);
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    return page;
  }

  it("shows the registrar leader the missing holidays with the way to fix them, and not the secretary", async () => {
    const health = (await (await fetch(`${served.base}/api/health`)).json()) as { warnings?: Array<{ years: number[] }> };
    const missing = health.warnings?.[0]?.years ?? [];
    expect(missing.length).toBeGreaterThan(0);
    const leader = await signIn("registrar-leader");
    const banner = leader.getByTestId("system-warnings");
    await banner.getByText(String(missing[0])).first().waitFor();
    await banner.getByText("前往设置").first().waitFor();
    await leader.screenshot({ path: join(ARTIFACTS, "system-warnings-leader.png") });
    await banner.getByText("前往设置").first().click();
    await leader.waitForURL(/\/settings/);
    await leader.close();

    const secretary = await signIn("sec-01");
    await secretary.getByRole("heading").first().waitFor();
    await secretary.waitForLoadState("networkidle");
    expect(await secretary.getByTestId("system-warnings").count()).toBe(0);
    await secretary.close();
  }, 120_000);
});
