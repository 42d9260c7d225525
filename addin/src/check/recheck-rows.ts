import {
  type AgeLimits,
  DEFAULT_TEMPLATES,
  DuplicateTracker,
  type GridRow,
  type Issue,
  type Locale,
  readSheet,
  type Spreadsheet,
} from "@xueji/shared";
import type { SheetHost } from "../host/sheet-host";
import type { CheckedSheet } from "../ui/check-state";
import { marksOf, type PaneIssue, toPaneIssues } from "./check-result";

/**
 * Checking again after the secretary edits a few cells: only the rows she edited are read and
 * checked; the rest of the sheet's verdict stands. Duplicates are the one rule across rows: they are
 * found again over every row's values already parsed (a hash per row, no reading or parsing).
 */

/** The rows an edit's address covers (`C5`, `C5:D9`, `5:7`); null for whole columns, which the pane checks whole. */
export function rowsOfAddress(address: string): { first: number; last: number } | null {
  const match = /^[A-Z]*(\d+)(?::[A-Z]*(\d+))?$/.exec(address.replace(/\$/g, ""));
  if (!match) return null;
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  return { first: Math.min(first, last), last: Math.max(first, last) };
}

export interface RecheckOptions {
  today: string;
  locale: Locale;
  app: Spreadsheet;
  ageLimits?: AgeLimits | null;
}

export interface Rechecked {
  sheet: CheckedSheet;
  /** Rows whose issues may differ: the edited ones and those whose duplicates changed (their marks are redone). */
  affected: Set<number>;
}

/**
 * The sheet's verdict with the edited rows read afresh (`fresh`: those rows as the host read them; a
 * row missing from it is blank now). Null when the edit reaches what frames the sheet (the header and
 * above, the totals row and below, a new totals row): then the whole sheet is checked again.
 */
export function recheckRows(
  sheet: CheckedSheet,
  edited: ReadonlySet<number>,
  fresh: readonly GridRow[],
  options: RecheckOptions,
): Rechecked | null {
  const { result } = sheet;
  const headerRow = result.headerRow;
  if (!sheet.complete || !result.kind || headerRow === null) return null;
  const dataEnd = result.dataEnd?.row;
  for (const row of edited) if (row <= headerRow || (dataEnd !== undefined && row >= dataEnd)) return null;

  const top = sheet.grid.filter((r) => r.row <= headerRow);
  const editedRows = fresh.filter((r) => edited.has(r.row)).sort((a, b) => a.row - b.row);
  const partial = readSheet([...top, ...editedRows], {
    today: options.today,
    kind: result.kind,
    sheetName: sheet.sheetName,
    ...(sheet.columns ? { columns: sheet.columns } : {}),
    ...(options.ageLimits ? { ageLimits: options.ageLimits } : {}),
  });
  if (partial.headerRow !== headerRow || partial.dataEnd) return null;

  const grid = mergeRows(sheet.grid, edited, editedRows);
  const rows = mergeRows(result.rows, edited, partial.rows);
  const byField = new Map(result.columns.map((c) => [c.field, c.column]));
  const duplicates: Issue[] = [];
  const tracker = new DuplicateTracker(DEFAULT_TEMPLATES[result.kind].uniqueKeys);
  for (const { row, values } of rows) {
    for (const { field, issue } of tracker.see(values, row)) {
      duplicates.push({ ...issue, row, column: byField.get(field) ?? null, field: byField.has(field) ? field : null });
    }
  }

  const affected = new Set(edited);
  const before = signatures(result.issues.filter(isDuplicate));
  const after = signatures(toPaneIssues(duplicates, options.locale, options.app));
  for (const row of new Set([...before.keys(), ...after.keys()])) if (before.get(row) !== after.get(row)) affected.add(row);

  const kept = result.issues.filter((i) => !isDuplicate(i) && (i.row === null || !edited.has(i.row)));
  const found = toPaneIssues(
    [...partial.issues.filter((i) => i.row !== null && edited.has(i.row) && i.code !== "row.duplicate"), ...duplicates],
    options.locale,
    options.app,
  );
  const issues = [...kept, ...found].sort(byPlace).map((issue, id) => ({ ...issue, id }));
  return {
    sheet: { ...sheet, grid, result: { ...result, issues, rows, dataRows: rows.length } },
    affected,
  };
}

/**
 * The host's side of it: the edited rows read (one read per span of consecutive rows), the verdict
 * merged, and the marks of the rows affected redone. Null when the host cannot read rows or the edit
 * needs the whole sheet checked again.
 */
export async function recheckHostRows(
  host: SheetHost,
  sheet: CheckedSheet,
  edited: ReadonlySet<number>,
  options: RecheckOptions,
): Promise<Rechecked | null> {
  const readRows = host.readRows?.bind(host);
  if (!readRows || !host.clearRowMarks) return null;
  const fresh: GridRow[] = [];
  for (const [first, last] of spansOf(edited)) fresh.push(...(await readRows(first, last)));
  const done = recheckRows(sheet, edited, fresh, options);
  if (done) await remarkRows(host, done.sheet, done.affected);
  return done;
}

/** The marks of these rows put back, then the rows' issues marked again. */
export async function remarkRows(host: SheetHost, sheet: CheckedSheet, rows: ReadonlySet<number>): Promise<void> {
  await host.clearRowMarks?.(rows);
  await host.mark(marksOf(sheet.result.issues.filter((i) => i.row !== null && rows.has(i.row))));
}

/** Consecutive rows as [first, last] spans, for one read each. */
export function spansOf(rows: ReadonlySet<number>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = spans.at(-1);
    if (last && last[1] === row - 1) last[1] = row;
    else spans.push([row, row]);
  }
  return spans;
}

/** The record's issues from a check of the edited rows, put in place of those rows' record issues. */
export function mergeRecordIssues(issues: readonly PaneIssue[], edited: ReadonlySet<number>, record: readonly PaneIssue[]): PaneIssue[] {
  const onRow = (i: PaneIssue) => i.row !== null && edited.has(i.row);
  return [...issues.filter((i) => !(i.source === "record" && onRow(i))), ...record.filter((i) => i.source === "record" && onRow(i))]
    .sort(byPlace)
    .map((issue, id) => ({ ...issue, id }));
}

function isDuplicate(issue: { code: string }): boolean {
  return issue.code === "row.duplicate";
}

/** Rows `edited` replaced by `fresh` (which holds only those of them not blank), in row order. */
function mergeRows<T extends { row: number }>(all: readonly T[], edited: ReadonlySet<number>, fresh: readonly T[]): T[] {
  return [...all.filter((r) => !edited.has(r.row)), ...fresh].sort((a, b) => a.row - b.row);
}

/** Per row, what its duplicate issues say (their cells and messages). */
function signatures(issues: readonly PaneIssue[]): Map<number, string> {
  const found = new Map<number, string>();
  for (const i of issues) {
    if (i.row === null) continue;
    found.set(i.row, `${found.get(i.row) ?? ""}|${i.column}:${i.message}`);
  }
  return found;
}

function columnOrder(column: string | null): number {
  let n = 0;
  for (const ch of column ?? "") n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Issues as the reader lists them: by row, then left to right (sheet-wide ones first). */
function byPlace(a: PaneIssue, b: PaneIssue): number {
  return (a.row ?? -1) - (b.row ?? -1) || columnOrder(a.column) - columnOrder(b.column);
}
