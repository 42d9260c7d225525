import { existsSync } from "node:fs";
import { describe } from "vitest";

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether a browser test can run here; `.ci/run` installs Chromium, so CI always can. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/**
 * `describe` for a file that drives Chromium: where there is none it skips the whole file, and says so
 * once with what to install, instead of failing at launch or passing in silence.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (!HAS_CHROMIUM) console.warn(`跳过（Skipped）「${name}」: no Chromium at ${CHROMIUM} — apt-get install chromium fonts-noto-cjk`);
  describe.skipIf(!HAS_CHROMIUM)(name, body);
}

/**
 * Waits until the page has no running animation or transition (Fluent's dialog fade, a panel opening), so a
 * screenshot shows what the reader sees once it has settled: a wait on state, not on a guessed delay.
 */
export async function settled(page: { waitForFunction(expression: string): Promise<unknown> }): Promise<void> {
  await page.waitForFunction(`document.getAnimations().every((animation) => animation.playState !== "running")`);
}

/** How every browser test starts Chromium: no sandbox in a container, no GPU, nothing fetched, no first-run prompts. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** What the shared browser needs of Playwright's (named structurally: the packages that drive it bring playwright-core). */
interface SharedBrowser {
  isConnected(): boolean;
  contexts(): Array<{ close(): Promise<void> }>;
}
interface BrowserLauncher<B extends SharedBrowser> {
  launch(options: { executablePath: string; args: string[] }): Promise<B>;
}

/** On globalThis: a module evaluated again for the worker's next file finds the same browser. */
const SHARED = Symbol.for("xueji.test.chromium");

/**
 * Chromium for a browser test file, one per test worker: the e2e files of a worker run one after another in one
 * process (vitest.config.ts), and launching a browser for each file cost about a CPU-second and 0.7 s of its own.
 * A file takes it in `beforeAll` with Playwright's `chromium`, and gives it back in `afterAll` with `releaseChromium`,
 * which closes every window (browser context) it opened, never the browser. A browser that went away is launched again.
 */
export async function openChromium<B extends SharedBrowser>(launcher: BrowserLauncher<B>): Promise<B> {
  const store = globalThis as { [SHARED]?: Promise<SharedBrowser> };
  const running = await store[SHARED]?.catch(() => undefined);
  if (running?.isConnected()) return running as B;
  const launched = launcher.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  store[SHARED] = launched;
  return launched;
}

/** Closes what a file opened in the shared browser (its pages, in their contexts), for the next file to start clean. */
export async function releaseChromium(browser: SharedBrowser | undefined): Promise<void> {
  await Promise.all((browser?.contexts() ?? []).map((context) => context.close()));
}
