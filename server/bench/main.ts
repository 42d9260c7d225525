/**
 * `pnpm bench`: speed measured as ratios against a baseline run in the same process, on the same
 * machine, in the same minute — never as absolute timings in unit tests.
 *
 * 1. A 50,000-row roster validated from .xlsx (read, parse, check) versus ExcelJS's bare streaming read. Goal: ≤ 1.0×.
 * 2. The same size submitted through the service versus a plain bulk insert, on PGlite and
 *    PostgreSQL. Goal: ≤ 1.5×.
 * 3. 20 colleges submitting 2,000-row sheets at once over HTTP: throughput, p95 (goal ≤ 1.5 s on PostgreSQL, ≤ 2 s on
 *    PGlite), nothing lost.
 * 4. The dashboard's pipeline counts and first list page at 10k and at 1M applications. Goal: under 3×.
 *
 * 5. The Excel add-in (addin/bench): the Office.js host's syncs and request sizes against
 *    office-addin-mock, marking 5,000 cells, and the pane in headless Chromium ÷ xueji validate.
 *
 * 6. The registrar's dashboard (dashboard/bench): the first page's JavaScript (gzip, goal ≤ 250 KB), the
 *    overview's time and API requests in headless Chromium, and a 100,000-application list's rows in the DOM.
 *
 * 7. 导入 versus a plain bulk insert of the same rows: 50,000 students and 1,000,000 course results (goal ≤ 2×,
 *    peak memory stated), then a 2,000,000-row results file over four terms, on PGlite and PostgreSQL.
 *
 * 8. A province's data on PostgreSQL: the dashboard's queries at 10,000,000 applications ÷ 10,000 (goal ≤ 1.5×), student
 *    search at 1,000,000 students (goal ≤ 50 ms median) and the registrar's overview. BENCH_PROVINCE_APPLICATIONS and
 *    BENCH_PROVINCE_STUDENTS change the sizes.
 *
 * BENCH_ONLY=validate|submit|http|applications|addin|dashboard|imports|province runs one part (BENCH_ADDIN=pane: only the pane's file mode); BENCH_ROWS and BENCH_ROUNDS change
 * the sizes, BENCH_IMPORT_STUDENTS, BENCH_IMPORT_RESULTS and BENCH_IMPORT_BIG (0 skips it) the imports', BENCH_ENGINES
 * (pglite,postgres) their engines.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { validateFile } from "../src/validate/validate-file";
import { benchApplications } from "./applications-bench";
import { benchHttp } from "./http-bench";
import { benchImports } from "./import-bench";
import { writeRoster } from "./make-roster";
import { benchProvince } from "./province-bench";
import { benchSubmit } from "./submit-bench";
import { median, time } from "./timing";

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = join(import.meta.dirname, "../../.bench");

async function bareRead(file: string): Promise<number> {
  let rows = 0;
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "ignore",
  });
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      rows++;
      cells += (row.values as unknown[]).length;
    }
  }
  return rows + cells * 0;
}

async function benchValidate(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `roster-${ROWS}.xlsx`);
  if (!existsSync(file)) {
    process.stdout.write(`writing ${ROWS}-row roster … `);
    await writeRoster(file, ROWS);
    process.stdout.write("done\n");
  }
  const bare: number[] = [];
  const ours: number[] = [];
  let issues = 0;
  let dataRows = 0;
  // Both warmed once before the clock (the JIT, the file cache): the rounds compare the two readers, not their first start.
  await bareRead(file);
  await validateFile(file, { today: "2026-11-23" });
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await time(() => bareRead(file)));
    ours.push(
      await time(async () => {
        const { report } = await validateFile(file, { today: "2026-11-23" });
        issues = report.issues.length;
        dataRows = report.dataRows;
      }),
    );
  }
  const [b, o] = [median(bare), median(ours)];
  console.log(`\n## validate a ${ROWS}-row roster from .xlsx (median of ${ROUNDS})`);
  console.log(`  ExcelJS bare streaming read : ${b.toFixed(0)} ms  (${Math.round((ROWS / b) * 1000)} rows/s)`);
  console.log(
    `  xueji validate              : ${o.toFixed(0)} ms  (${Math.round((ROWS / o) * 1000)} rows/s; ${dataRows} rows, ${issues} issues)`,
  );
  console.log(`  ratio validate / bare read  : ${(o / b).toFixed(2)}×  (goal ≤ 1.0×: ${o <= b ? "met" : "NOT met"})`);
  console.log(`  heap used after             : ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

const only = process.env.BENCH_ONLY;
if (!only || only === "validate") await benchValidate();
if (!only || only === "submit") for (const engine of ["pglite", "postgres"] as const) await benchSubmit(engine, ROWS, ROUNDS);
if (!only || only === "http") for (const engine of ["pglite", "postgres"] as const) await benchHttp(engine, 20, 2000);
if (!only || only === "applications") await benchApplications();
if (!only || only === "province")
  await benchProvince({
    applications: Number(process.env.BENCH_PROVINCE_APPLICATIONS ?? 10_000_000),
    students: Number(process.env.BENCH_PROVINCE_STUDENTS ?? 1_000_000),
  });
if (!only || only === "imports") {
  const sizes = {
    students: Number(process.env.BENCH_IMPORT_STUDENTS ?? 50_000),
    results: Number(process.env.BENCH_IMPORT_RESULTS ?? 1_000_000),
    big: Number(process.env.BENCH_IMPORT_BIG ?? 2_000_000),
  };
  const engines = (process.env.BENCH_ENGINES ?? "pglite,postgres").split(",") as Array<"pglite" | "postgres">;
  for (const engine of engines) await benchImports(engine, sizes);
}
if (!only || only === "addin") {
  // A path in a variable: the add-in's bench is type-checked with the add-in (DOM types), not here.
  const addinBench = "../../addin/bench/addin-bench.ts";
  const { benchAddin } = (await import(addinBench)) as { benchAddin(rows: number, rounds: number): Promise<void> };
  await benchAddin(ROWS, ROUNDS);
}
if (!only || only === "dashboard") {
  // As for the add-in: the dashboard's bench is type-checked with the dashboard.
  const dashboardBench = "../../dashboard/bench/dashboard-bench.ts";
  const { benchDashboard } = (await import(dashboardBench)) as { benchDashboard(rounds: number): Promise<void> };
  await benchDashboard(ROUNDS);
}
