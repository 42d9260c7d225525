import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * A closed dialog hands the page back to assistive technology a tick after it leaves (Fluent's modalizer takes
 * aria-hidden off the app's root then): an accessibility check waits for it, to check what the reader then has.
 * A page left aria-hidden for good, with no dialog open, still fails, by this wait's timeout.
 */
export async function rootHandedBack(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector("[role=dialog]") !== null || !document.getElementById("root")?.hasAttribute("aria-hidden"),
  );
}

/**
 * The serious and critical accessibility violations axe-core finds on the page, each as its rule and the
 * elements it found (Tabster's focus-trap dummies left out: they are not content), so a failure names where.
 */
export async function axe(page: Page): Promise<string[]> {
  await rootHandedBack(page);
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: Array<{ target: string[] }> };
    type Axe = { run: (c: unknown, o: unknown) => Promise<{ violations: Violation[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] },
    );
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}
