/**
 * `BENCH_ONLY=addin pnpm bench`: the task pane's speed, as counts and ratios.
 *
 * 1. A 50,000-row roster read and marked through the Office.js host against office-addin-mock:
 *    `context.sync()` calls for read + mark (goal ≤ 2 + one per block), blocks, bytes per request.
 * 2. Marking 5,000 error cells: syncs and time.
 * 3. The WPS host against the WPS double (src/wps/wps-bench.ts): bridge calls and time to read and mark.
 * 4. The pane in headless Chromium, file mode: time from choosing the file to the summary with the
 *    record's checks, divided by `xueji validate` on the same file in the same run (goal ≤ 1.3×).
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { columnLetter } from "@xueji/shared";
import { SEVERITY_FILL } from "@xueji/theme/severity";
import { writeRoster } from "../../server/bench/make-roster";
import { median, time } from "../../server/bench/timing";
import { readSheetGrid } from "../../server/src/files/read-sheet-grid";
import { validateFile } from "../../server/src/validate/validate-file";
import { PASSWORD, TODAY } from "../../server/test/world";
import { openBrowser, signIn, startServer } from "../e2e/harness";
import { checkLocally, marksOf } from "../src/check/check-result";
import { OfficeHost } from "../src/host/office-host";
import { MockWorkbook } from "../test/mock-excel";

const options = { fills: SEVERITY_FILL, notePrefix: "学籍核对" };

async function rosterFile(rows: number): Promise<string> {
  const dir = join(import.meta.dirname, "../../.bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `roster-${rows}.xlsx`);
  if (!existsSync(file)) await writeRoster(file, rows);
  return file;
}

function bookFrom(grid: Awaited<ReturnType<typeof readSheetGrid>>["rows"], apiSet: string): MockWorkbook {
  const book = new MockWorkbook("新生", apiSet);
  for (const row of grid) {
    row.cells.forEach((cell, i) => {
      // The mock keeps a formula's text; the grid only says a cell held one.
      if (cell)
        book.set(`${columnLetter(i)}${row.row}`, { value: cell.value, type: cell.type, ...(cell.format ? { format: cell.format } : {}) });
    });
  }
  return book;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function benchHost(file: string, rows: number): Promise<void> {
  const { rows: grid } = await readSheetGrid(file, { today: TODAY });
  for (const apiSet of ["1.18", "1.1"]) {
    const book = bookFrom(grid, apiSet);
    const host = new OfficeHost(book.api(), options);
    const readMs = await time(() => host.readUsedRange());
    const read = host.stats;
    const local = checkLocally(await host.readUsedRange(), { today: TODAY, locale: "zh-CN", app: "excel" });
    const marks = marksOf(local.issues);
    const markMs = await time(() => host.mark(marks));
    const mark = host.stats;
    const bytes = [...read.bytesPerRequest].sort((a, b) => a - b);
    const total = read.syncs + mark.syncs;
    console.log(`\n## Office.js host, ${rows}-row roster against office-addin-mock (ExcelApi ${apiSet})`);
    console.log(`  read : ${read.blocks} blocks, ${read.syncs} syncs, ${read.retries} retries, ${readMs.toFixed(0)} ms`);
    console.log(
      `         bytes per request: min ${kb(bytes[0] ?? 0)}, median ${kb(median(bytes))}, max ${kb(bytes.at(-1) ?? 0)} (Excel's limit 5 MB)`,
    );
    console.log(
      `  mark : ${marks.length} issues on ${new Set(marks.map((m) => m.column + m.row)).size} cells, ${mark.blocks} blocks, ${mark.syncs} syncs, ${markMs.toFixed(0)} ms`,
    );
    console.log(
      `  syncs read + mark: ${total}  (goal ≤ 2 + ${read.blocks + mark.blocks} blocks = ${2 + read.blocks + mark.blocks}) ${total <= 2 + read.blocks + mark.blocks ? "✓" : "✗"}`,
    );
  }
}

async function benchMark5000(): Promise<void> {
  for (const apiSet of ["1.18", "1.9", "1.1"]) {
    const book = new MockWorkbook("名单", apiSet);
    for (let r = 1; r <= 5_001; r++) book.set(`A${r}`, { value: r === 1 ? "学号" : `20260${r}`, type: "string" });
    const host = new OfficeHost(book.api(), options);
    await host.readUsedRange();
    const marks = Array.from({ length: 5_000 }, (_, i) => ({ row: i + 2, column: "A", severity: "error" as const, message: "学号不存在" }));
    const ms = await time(() => host.mark(marks));
    const syncs = host.stats.syncs;
    const clearMs = await time(() => host.clearMarks());
    console.log(
      `\n## marking 5,000 error cells (ExcelApi ${apiSet}, mock): ${syncs} syncs, ${ms.toFixed(0)} ms; clearing: ${host.stats.syncs} syncs, ${clearMs.toFixed(0)} ms`,
    );
  }
}

async function benchPane(file: string, rows: number, rounds: number): Promise<void> {
  const server = await startServer();
  const browser = await openBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 420, height: 860 }, locale: "zh-CN" })).newPage();
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${server.base}/addin/taskpane.html`);
    await signIn(page, "secretary-a", PASSWORD);
    const pane: number[] = [];
    const cli: number[] = [];
    for (let round = 0; round < rounds; round++) {
      cli.push(await time(() => validateFile(file, { today: TODAY })));
      pane.push(
        await time(async () => {
          await page.getByTestId("file-input").setInputFiles(file);
          await page.getByRole("button", { name: "检查" }).click();
          // The whole verdict: the sheet's checks and the record's, which come in the same answer.
          await page.getByTestId("summary-record").waitFor({ timeout: 300_000 });
        }),
      );
    }
    const [p, c] = [median(pane), median(cli)];
    console.log(`\n## the pane in headless Chromium, file mode, ${rows} rows (median of ${rounds})`);
    console.log(`  xueji validate               : ${c.toFixed(0)} ms`);
    console.log(`  pane, file chosen → summary with the record's checks: ${p.toFixed(0)} ms`);
    console.log(`  ratio pane / xueji validate  : ${(p / c).toFixed(2)}×  (goal ≤ 1.3×) ${p / c <= 1.3 ? "✓" : "✗"}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchAddin(rows: number, rounds: number): Promise<void> {
  const file = await rosterFile(rows);
  // BENCH_ADDIN=pane runs only the pane's file mode (the host benches take minutes on the doubles).
  if (process.env.BENCH_ADDIN === "pane") return benchPane(file, rows, rounds);
  await benchHost(file, rows);
  await benchMark5000();
  // A path in a variable: the WPS adapter is type-checked in its own project (src/wps/tsconfig.json).
  const wpsBench = "../src/wps/wps-bench.ts";
  const { benchWps } = (await import(wpsBench)) as { benchWps(file: string, rows: number, rounds: number): Promise<void> };
  await benchWps(file, rows, rounds);
  await benchPane(file, rows, rounds);
}
