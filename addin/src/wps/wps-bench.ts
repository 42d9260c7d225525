/**
 * `BENCH_ONLY=addin pnpm bench`, WPS part: the WPS host against the WPS double (addin/test/wps-double.ts),
 * reading and marking a roster. WPS's calls are synchronous and cross a bridge (about 0.2 ms each), so
 * what matters is the number of calls: it must grow with blocks, not with cells. Printed: calls and
 * time for read and for mark, the bridge time those calls would cost in WPS, and the calls at a tenth
 * of the rows (the ratio shows whether reading is per block or per cell).
 */
import { columnLetter, type GridRow } from "@xueji/shared";
import { SEVERITY_FILL } from "@xueji/theme/severity";
import { median, time } from "../../../server/bench/timing";
import { readSheetGrid } from "../../../server/src/files/read-sheet-grid";
import { TODAY } from "../../../server/test/world";
import { createWpsDouble, type DoubleCell } from "../../test/wps-double";
import { checkLocally, marksOf } from "../check/check-result";
import { type WpsApplication, WpsHost } from "./wps-host";

const BRIDGE_MS = 0.2;

function doubleOf(grid: readonly GridRow[]) {
  const cells: Record<string, DoubleCell> = {};
  for (const row of grid) {
    row.cells.forEach((cell, i) => {
      if (!cell) return;
      const seeded: DoubleCell = cell.type === "error" ? { error: String(cell.value) } : { value: cell.value as string | number | boolean };
      if (cell.format) seeded.format = cell.format;
      cells[`${columnLetter(i)}${row.row}`] = seeded;
    });
  }
  return createWpsDouble({ sheets: [{ name: "新生", cells }] });
}

async function readAndMark(grid: readonly GridRow[]) {
  const wps = doubleOf(grid);
  const host = new WpsHost(wps.application as unknown as WpsApplication, { fills: SEVERITY_FILL, notePrefix: "学籍核对" });
  let start = wps.calls;
  let read: GridRow[] = [];
  const readMs = await time(async () => {
    read = await host.readUsedRange();
  });
  const readCalls = wps.calls - start;
  const blocks = host.stats.blocks;
  const marks = marksOf(checkLocally(read, { today: TODAY, locale: "zh-CN", app: "wps" }).issues);
  start = wps.calls;
  const markMs = await time(() => host.mark(marks));
  const markCalls = wps.calls - start;
  return { readMs, readCalls, blocks, marks, markMs, markCalls, cells: grid.reduce((n, r) => n + r.cells.filter(Boolean).length, 0) };
}

export async function benchWps(file: string, rows: number, rounds: number): Promise<void> {
  const { rows: grid } = await readSheetGrid(file, { today: TODAY });
  const results = [];
  for (let round = 0; round < rounds; round++) results.push(await readAndMark(grid));
  const r = results[0] as Awaited<ReturnType<typeof readAndMark>>;
  const tenth = await readAndMark(grid.slice(0, Math.ceil(grid.length / 10)));
  const markedCells = new Set(r.marks.map((m) => m.column + m.row)).size;
  console.log(`\n## WPS host, ${rows}-row roster against the WPS double (median of ${rounds})`);
  console.log(
    `  read : ${r.cells} cells in ${r.blocks} blocks, ${r.readCalls} bridge calls (${(r.readCalls / r.blocks).toFixed(1)} per block), ${median(results.map((x) => x.readMs)).toFixed(0)} ms on the double, ≈${(r.readCalls * BRIDGE_MS).toFixed(0)} ms of bridge in WPS`,
  );
  console.log(
    `  mark : ${r.marks.length} issues on ${markedCells} cells, ${r.markCalls} bridge calls (${(r.markCalls / Math.max(markedCells, 1)).toFixed(1)} per marked cell: its comment), ${median(results.map((x) => x.markMs)).toFixed(0)} ms on the double, ≈${(r.markCalls * BRIDGE_MS).toFixed(0)} ms of bridge`,
  );
  console.log(
    `  read calls at a tenth of the rows: ${tenth.readCalls} (${tenth.blocks} blocks); ×${(r.readCalls / tenth.readCalls).toFixed(1)} calls for ×${(r.cells / tenth.cells).toFixed(1)} cells — goal: calls grow with blocks, not cells ${r.readCalls < r.cells / 100 ? "✓" : "✗"}`,
  );
}
