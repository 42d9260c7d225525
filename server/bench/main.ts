/**
 * `pnpm bench`: speed measured as ratios against a baseline run in the same process, on the same
 * machine, in the same minute — never as absolute timings in unit tests.
 *
 * 1. A 50,000-row roster validated from .xlsx (stream, parse, every field rule, duplicates)
 *    versus ExcelJS's bare streaming read of the same file. Goal: under 2×.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { validateFile } from "../src/validate/validate-file";
import { writeRoster } from "./make-roster";

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

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
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
  await bareRead(file); // warm up the JIT and the file cache
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
  console.log(`  ratio validate / bare read  : ${(o / b).toFixed(2)}×  (goal < 2×)`);
  console.log(`  heap used after             : ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

await main();
