import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readSheetGrid } from "../../server/src/files/read-sheet-grid";
import { PASSWORD, TODAY } from "../../server/test/world";
import { describeInChromium, HAS_CHROMIUM, releaseChromium } from "../../test/chromium";
import { FIXTURES, openBrowser, shot, signIn, startServer } from "./harness";

const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
// Its own server: the rule published here must not change the verdicts pane.test.ts compares with the CLI's.
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  server = await startServer();
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  await releaseChromium(browser);
  await server?.close();
});

/** The messy 新生 roster in the Excel double, 张三 (row 4) given a 1960 birth date: 66, inside the built-in 12–80. */
async function openPane(options: { rulesUnreachable?: boolean } = {}): Promise<{ page: Page; release(): void; close(): Promise<void> }> {
  const { rows } = await readSheetGrid(join(FIXTURES, "roster-new-messy.xlsx"), { today: TODAY });
  const cells: Record<string, unknown> = {};
  for (const row of rows) {
    row.cells.forEach((c, i) => {
      if (c) cells[`${String.fromCharCode(65 + i)}${row.row}`] = { ...c };
    });
  }
  expect(cells.E3).toMatchObject({ value: "出生年月日" });
  cells.E4 = { value: "1960-05-01", type: "string" };
  const context = await browser.newContext({ viewport: { width: 1140, height: 860 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.addInitScript(
    (s) => {
      (window as unknown as { __doubleSeed: unknown }).__doubleSeed = s;
    },
    { name: "新生核对表", cells },
  );
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: "text/javascript", body: readFileSync(join(import.meta.dirname, "excel-double.js"), "utf8") }),
  );
  // The server's verdict is held back, so what the pane shows meanwhile is its own local check.
  const held: Route[] = [];
  let open = false;
  await page.route("**/api/trpc/sheets.validate**", (route) => (open ? route.continue() : void held.push(route)));
  if (options.rulesUnreachable) await page.route("**/api/trpc/sheets.checkRules**", (route) => route.abort("internetdisconnected"));
  await page.goto(`${server.base}/addin/taskpane.html`);
  await signIn(page, "secretary-a", PASSWORD);
  return {
    page,
    release() {
      open = true;
      for (const route of held.splice(0)) void route.continue();
    },
    close: () => context.close(),
  };
}

const ageIssue = (page: Page) => page.locator('[data-testid="issue"][data-cell="E4"]').filter({ hasText: "不在学生年龄的合理范围" });

describeInChromium("the pane's instant check holds the sheet to the 核对规则 the server has in force", () => {
  it("uses the built-in 12–80 before a rule is published, and a published 15–30 once it is, as the server does", async () => {
    const before = await openPane();
    await before.page.getByRole("button", { name: "检查", exact: true }).click();
    await before.page.getByTestId("summary-sheet").waitFor({ timeout: 30_000 });
    expect(await before.page.getByTestId("summary-record").count()).toBe(0);
    expect(await ageIssue(before.page).count()).toBe(0);
    before.release();
    await before.page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    expect(await ageIssue(before.page).count()).toBe(0);
    await before.close();

    const published = await (await server.world.as("registrar-leader")).settings.publish({
      kind: "check-rules",
      key: "default",
      validFrom: "2026-2027",
      value: { ageLimits: { min: 15, max: 30 } },
      reason: "全日制本科：学生年龄 15–30 岁",
    });
    expect(published).toMatchObject({ status: "published" });

    const after = await openPane();
    await after.page.getByRole("button", { name: "检查", exact: true }).click();
    await after.page.getByTestId("summary-sheet").waitFor({ timeout: 30_000 });
    // Local, before the server has answered: already the published range.
    expect(await after.page.getByTestId("summary-record").count()).toBe(0);
    await ageIssue(after.page)
      .getByText(/（15–30 岁）/)
      .waitFor();
    await shot(after.page, "excel-9-check-rules-local");
    after.release();
    await after.page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    // The server's verdict says the same at the same cell.
    await ageIssue(after.page)
      .getByText(/（15–30 岁）/)
      .waitFor();
    await after.close();
  }, 120_000);
});
