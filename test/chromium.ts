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
