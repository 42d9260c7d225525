/**
 * End-to-end set-up: the real server (createHttpServer) on a scratch database (server/test/world.ts)
 * serving the real Vite build at /addin/ (with the CSP `pnpm start` gives it), and Debian's Chromium driven by playwright-core.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { OFFICE_FRAME_HOSTS } from "../../server/src/front-ends/static-files";
import { createHttpServer, type HttpOptions } from "../../server/src/http/server";
import { makeWorld, TODAY } from "../../server/test/world";
import { openChromium } from "../../test/chromium";
import { buildPane } from "./build-pane";

export const ADDIN = join(import.meta.dirname, "..");
export const ROOT = join(ADDIN, "..");
export const ARTIFACTS = join(ADDIN, "e2e/artifacts");
export const FIXTURES = join(ROOT, "server/fixtures");

export async function startServer(options: Pick<HttpOptions, "signOn"> = {}) {
  const dist = buildPane();
  const world = await makeWorld("pglite");
  const signOn = options.signOn ?? { passwords: "all" };
  const server = createHttpServer(world.database, {
    today: () => TODAY,
    sites: [{ prefix: "/addin/", root: dist, frameAncestors: OFFICE_FRAME_HOSTS }],
    signOn,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    world,
    base,
    async close() {
      server.close();
      await world.database.close();
    },
  };
}

/** The test worker's Chromium (test/chromium.ts): a file gives it back with `releaseChromium` in its `afterAll`. */
export function openBrowser(): Promise<Browser> {
  return openChromium(chromium);
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** axe-core in the page; returns the serious and critical violations (the double's drawing is not the pane). */
export async function seriousViolations(
  page: Page,
): Promise<Array<{ id: string; impact: string; nodes: number; help: string; targets: string[] }>> {
  const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[]; help: string }> }> };
      }
    ).axe;
    // Fluent UI's focus manager (tabster) puts 1px sentinels with tabindex=0 and aria-hidden at the
    // edges of focus groups; they hand focus on and are never read out (a known axe false positive).
    const result = await axe.run({ exclude: [["#excel-double"], ["[data-tabster-dummy]"]] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => String((n as { html?: string }).html).slice(0, 200)),
      }));
  });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/用户名|User name/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.getByRole("tab", { name: /检查|Check/ }).waitFor();
}
