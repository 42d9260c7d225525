import type { ColumnOverride, GridRow, Locale, Severity, SheetKind } from "@xueji/shared";
import type { CheckResult } from "../check/check-result";

/**
 * The one port between the pane and a spreadsheet (docs/architecture.md: Office.js stays at the edge). The
 * UI speaks only to this; an Office.js implementation, a WPS 表格 one (addin/src/wps) and a file
 * implementation exist.
 */
export interface CellRef {
  /** 1-based worksheet row. */
  row: number;
  /** Column letter (A, B … AA). */
  column: string;
}

export interface Mark extends CellRef {
  severity: Severity;
  message: string;
}

export interface CellWrite extends CellRef {
  value: string | number;
  /** Number format to set first, e.g. "@" so an ID number stays text. */
  format?: string;
}

export interface NewSheet {
  name: string;
  /**
   * The title row above the header: the sheet's Chinese name, which tells the reader its kind when the
   * file comes back (a cell survives Excel, WPS and a rename of the worksheet).
   */
  title?: string;
  headers: string[];
  /** 0-based columns that hold IDs, 学号 and codes: formatted as text before anything is typed. */
  textColumns: number[];
  /** Rows under the header (the returning roster comes filled from the record). */
  rows: Array<Array<string | number | null>>;
  /** Dropdowns from the code tables, where the host supports them. */
  dropdowns: Array<{ column: number; values: string[] }>;
  /** Empty rows below the data that get the text format and dropdowns too. */
  spareRows: number;
}

/** What this host can do beyond the core flow (older Excel editions lack some of it). */
export interface HostCapabilities {
  /** Fills go on per block through RangeAreas (ExcelApi 1.9) rather than one range at a time. */
  rangeAreas: boolean;
  /** Messages written as cell notes (ExcelApi 1.18). */
  notes: boolean;
  /** Where notes are missing, messages written as comments instead (ExcelApi 1.10–1.17). Absent: no. */
  comments?: boolean;
  /** Dropdown validation in new sheets (ExcelApi 1.8). */
  dropdowns: boolean;
  /** Screen updating suspended while writing (ExcelApi 1.9). */
  suspendScreenUpdating: boolean;
  /** The host can select a cell, write fixes and add sheets (false in file mode). */
  editsWorkbook: boolean;
}

export interface ReadProgress {
  rowsRead: number;
  totalRows: number;
}

/** Counters of the last operation, for the benchmarks and the tests. */
export interface HostStats {
  syncs: number;
  blocks: number;
  /** Estimated bytes Excel sent back per read request (values, types and formats as JSON). */
  bytesPerRequest: number[];
  retries: number;
}

/** What a host's last `writeValues` did: cells written, and cells left alone because they hold a formula. */
export interface Correction {
  fixed: number;
  /** Addresses (C2) of formula cells: writing the value would replace the formula, so she fixes its source. */
  formulaCells: string[];
}

/** What clearing left in place. */
export interface ClearResult {
  /** Notes or comment threads of the pane's that the secretary replied to or edited: kept as her work. */
  kept: number;
}

/** An edit the secretary made in the workbook (WPS's `SheetChange`, Excel's worksheet `onChanged`). */
export interface SheetEdit {
  sheet: string;
  /** A1-style, without `$`: `C5` or `C5:D9`. */
  address: string;
}

/** What a check on the server is asked for: the term (the record's checks), the kind and her column mapping. */
export interface ServerCheckRequest {
  termCode: string;
  kind: SheetKind | null;
  columns: ColumnOverride | null;
  locale: Locale;
}

/** A sheet the server read and checked: its verdict, and the grid only as far as the pane shows it (the header's rows). */
export interface ServerCheck {
  sheetName: string;
  grid: GridRow[];
  result: CheckResult;
}

export interface SheetHost {
  /** Excel (Office.js), WPS 表格 (its JS API), or a file read by the server. */
  readonly mode: "excel" | "wps" | "file";
  readonly capabilities: HostCapabilities;
  /**
   * Where 一键修正's fixes go: into the open workbook (Excel), or into a corrected copy that replaces
   * the file checked and submitted from then on (file mode).
   */
  readonly fixStrategy: "in-place" | "copy";
  /** The corrected copy the last `writeValues` made (file mode), for her to keep and download again; null in Excel. */
  readonly correctedCopy: File | null;
  /** Forgets the last reading, so the next check reads the sheet (or file) afresh. */
  reset(): void;
  /** The worksheet's (or file's) name, for the submission. */
  sheetName(): Promise<string>;
  readUsedRange(onProgress?: (progress: ReadProgress) => void): Promise<GridRow[]>;
  /**
   * A host whose sheet the server reads (file mode) checks it there, in one call: the sheet's checks
   * and the record's, read once. Absent: the pane reads the sheet and checks it itself, then asks the server.
   */
  checkOnServer?(request: ServerCheckRequest): Promise<ServerCheck>;
  mark(marks: readonly Mark[]): Promise<void>;
  /** Puts every marked cell back exactly as it was (fill, note, comment), keeping what the secretary wrote in ours. */
  clearMarks(): Promise<ClearResult>;
  select(cell: CellRef): Promise<void>;
  writeValues(cells: readonly CellWrite[]): Promise<void>;
  /**
   * Which of these cells hold a formula (as addresses, C2), for 一键修正's preview to list apart
   * rather than as fixes: writing a value would replace the formula.
   */
  formulaCells(cells: readonly CellRef[]): Promise<string[]>;
  /** What the last `writeValues` wrote and left alone (null before the first). */
  readonly lastCorrection: Correction | null;
  addSheet(sheet: NewSheet): Promise<void>;
  /**
   * Rows `first`…`last` of the sheet read last, as wide as its used range: after an edit the pane
   * reads only the rows edited. Absent: it reads the whole sheet again.
   */
  readRows?(first: number, last: number): Promise<GridRow[]>;
  /** Puts back the cells marked in these rows only (what `readRows` re-checked); with `readRows`. */
  clearRowMarks?(rows: ReadonlySet<number>): Promise<ClearResult>;
  /**
   * Tells the pane when the secretary edits cells, so it can check the sheet again; returns the
   * unsubscribe. Absent where nothing can be edited in place (file mode).
   */
  onEdit?(listener: (edit: SheetEdit) => void): () => void;
}

/** `B5` → { row: 5, column: "B" }. */
export function parseCell(address: string): CellRef {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.replace(/^.*!/, ""));
  if (!match) throw new Error(`not a cell address: ${address}`);
  return { column: match[1] as string, row: Number(match[2]) };
}

/** `A` → 0, `AA` → 26. */
export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
