import { type Cell, columnLetter, type GridRow, problemsByCell, type Severity } from "@xueji/shared";
import { areaLists } from "../host/area-lists";
import {
  type CellRef,
  type CellWrite,
  type ClearResult,
  type Correction,
  type HostCapabilities,
  type HostStats,
  type Mark,
  type NewSheet,
  parseCell,
  type ReadProgress,
  type SheetHost,
} from "../host/sheet-host";

/**
 * The part of WPS 表格's `Application` (et-jsapi-declare's types) the host uses, passed in so the tests
 * can hand it the WPS double.
 */
export type WpsApplication = Pick<Et.Application, "ActiveSheet" | "ActiveWorkbook" | "ScreenUpdating"> &
  Partial<Pick<WPS.EtAddonRoot, "ApiEvent">>;

export interface WpsHostOptions {
  fills: Readonly<Record<Severity, string>>;
  /** Prefix of the comments the pane writes, so a reader (and clearing) can tell them from the secretary's own. */
  notePrefix: string;
  /** Cells per 2-D `Value2` read (one bridge call each). */
  cellsPerRead?: number;
  /** Rows per 2-D `Value2` write in a new sheet. */
  cellsPerWrite?: number;
}

/** An edit the secretary made (WPS's `SheetChange`), for the pane to re-check. */
export interface SheetEdit {
  sheet: string;
  /** A1-style, without `$`: `C5` or `C5:D9`. */
  address: string;
}

/**
 * Formula errors as `Value2` gives them: VBA's CVErr numbers (xlErrDiv0 = 2007 → −2146826281). The
 * cell's text (#DIV/0!) is read through `Range.Text`, never taken as a number.
 */
export const CVERR = new Set([-2146826288, -2146826281, -2146826273, -2146826265, -2146826259, -2146826252, -2146826246, -2146826245]);
/** `Interior.ColorIndex` of a cell with no fill (xlColorIndexNone / xlNone). */
export const XL_NONE = -4142;
/** `Interior.Color` of a cell with no fill, and of a white one: `ColorIndex` tells them apart. */
const WHITE = 0xffffff;
/** VBA refuses a `Range("…")` address longer than 255 characters. */
const MAX_ADDRESS_CHARS = 255;
const XL_VALIDATE_LIST = 3;
const XL_VALID_ALERT_STOP = 1;
const XL_BETWEEN = 1;
/** `#FDE7E9` → WPS's colour number, which is BGR (0xE9E7FD). */
export function bgr(hex: string): number {
  const rgb = Number.parseInt(hex.replace("#", ""), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

/** A BGR colour number back as `#RRGGBB`. */
export function hexOf(colour: number): string {
  const rgb = ((colour & 0xff) << 16) | (colour & 0xff00) | ((colour >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
}

function groupInto<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

interface Run {
  column: string;
  from: number;
  to: number;
}

/** Cells grouped into runs of consecutive rows in one column: each run is one range, not one call per cell. */
export function runsOf(cells: readonly CellRef[]): Run[] {
  const byColumn = new Map<string, number[]>();
  for (const { column, row } of cells) groupInto(byColumn, column, row);
  const runs: Run[] = [];
  for (const [column, rows] of byColumn) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let run: Run | null = null;
    for (const row of sorted) {
      if (run && row === run.to + 1) run.to = row;
      else {
        run = { column, from: row, to: row };
        runs.push(run);
      }
    }
  }
  return runs;
}

function runAddress({ column, from, to }: Run): string {
  return from === to ? `${column}${from}` : `${column}${from}:${column}${to}`;
}

/** A one-cell range gives a scalar, a larger one a 2-D array (rows of columns). */
function asGrid(value: unknown): unknown[][] {
  return Array.isArray(value) ? (value as unknown[][]) : [[value]];
}

function isFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=");
}

function setValue2(range: Et.Range, value: unknown): void {
  (range as unknown as { Value2: unknown }).Value2 = value;
}

/** WPS may hand text back with \r\n line ends; the pane writes \n. */
function sameText(a: unknown, b: string | undefined): boolean {
  return b !== undefined && typeof a === "string" && a.replace(/\r\n?/g, "\n") === b;
}

/**
 * The WPS 表格 side of the port (docs/architecture.md: the host stays at the edge). WPS's JS API is
 * synchronous and VBA-shaped, and each call crosses a bridge (about 0.2 ms), so the host reads and
 * writes 2-D `Value2` blocks sized with `Resize`, paints fills over comma-joined areas, and reads a
 * run's original fill with one `Interior.Color` (uniform runs answer a number; mixed ones null, and
 * are split). Colours are BGR numbers; dates come as 1900-system serials (as Excel's values do);
 * formula errors as CVErr numbers, read through `Range.Text`. Messages go on as comments that start
 * with the pane's prefix; clearing removes only those the pane wrote and still reads so.
 */
export class WpsHost implements SheetHost {
  readonly mode = "wps" as const;
  readonly fixStrategy = "in-place" as const;
  readonly correctedCopy = null;
  readonly capabilities: HostCapabilities = {
    rangeAreas: true,
    notes: false,
    comments: true,
    dropdowns: true,
    suspendScreenUpdating: true,
    editsWorkbook: true,
  };
  lastCorrection: Correction | null = null;
  /** Counters of the last operation (`syncs` stays 0: WPS has none; the double counts bridge calls). */
  stats: HostStats = { syncs: 0, blocks: 0, bytesPerRequest: [], retries: 0 };
  private readonly cellsPerRead: number;
  private readonly cellsPerWrite: number;
  /** The sheet that was read (marks, selections and fixes go there even if another is active). */
  private sheet: string | null = null;
  /** Each marked cell's fill before the pane touched it (BGR, null for none), so clearing puts it back exactly. */
  private readonly originalFills = new Map<string, number | null>();
  /** Comments the pane wrote, cell → their text: one that no longer reads so is the secretary's now. */
  private readonly ourComments = new Map<string, string>();

  constructor(
    private readonly app: WpsApplication,
    private readonly options: WpsHostOptions,
  ) {
    this.cellsPerRead = options.cellsPerRead ?? 50_000;
    this.cellsPerWrite = options.cellsPerWrite ?? 20_000;
  }

  private begin(): HostStats {
    this.stats = { syncs: 0, blocks: 0, bytesPerRequest: [], retries: 0 };
    return this.stats;
  }

  private worksheet(): Et.Worksheet {
    if (!this.sheet) return this.app.ActiveSheet;
    return this.app.ActiveWorkbook.Worksheets.Item(this.sheet) as Et.Worksheet;
  }

  /** Runs `write` with screen updating off, turned back on whatever happens. */
  private quietly<T>(write: () => T): T {
    this.app.ScreenUpdating = false;
    try {
      return write();
    } finally {
      this.app.ScreenUpdating = true;
    }
  }

  reset(): void {}

  async sheetName(): Promise<string> {
    return this.sheet ?? this.app.ActiveSheet.Name;
  }

  /**
   * The active sheet's used range, in 2-D `Value2` blocks of whole rows (one call per block, however
   * many cells), with each block's number format (one call when uniform, else one per column).
   * Numbers that are CVErr codes are the only cells read one by one, through `Text`.
   */
  async readUsedRange(onProgress?: (progress: ReadProgress) => void): Promise<GridRow[]> {
    this.begin();
    const sheet = this.app.ActiveSheet;
    const name = sheet.Name;
    if (this.originalFills.size && this.sheet !== name) throw new Error("clear the marks before reading another sheet");
    this.sheet = name;
    const used = sheet.UsedRange;
    return this.readBlocks(sheet, used.Row, used.Rows.Count, used.Column - 1, used.Columns.Count, onProgress);
  }

  /** Rows `first`…`last` of the sheet read last, as wide as its used range (the rows she edited). */
  async readRows(first: number, last: number): Promise<GridRow[]> {
    this.begin();
    const sheet = this.worksheet();
    const used = sheet.UsedRange;
    return this.readBlocks(sheet, first, last - first + 1, used.Column - 1, used.Columns.Count);
  }

  private readBlocks(
    sheet: Et.Worksheet,
    firstRow: number,
    height: number,
    firstColumn: number,
    width: number,
    onProgress?: (progress: ReadProgress) => void,
  ): GridRow[] {
    const stats = this.stats;
    const rowsPerBlock = Math.max(1, Math.floor(this.cellsPerRead / width));
    const rows: GridRow[] = [];
    for (let offset = 0; offset < height; offset += rowsPerBlock) {
      const count = Math.min(rowsPerBlock, height - offset);
      const top = firstRow + offset;
      const block = sheet.Cells.Item(top, firstColumn + 1).Resize(count, width);
      const values = asGrid(block.Value2);
      const formatAt = this.blockFormats(block, values, count, width);
      stats.blocks++;
      for (let r = 0; r < count; r++) {
        const line = values[r] ?? [];
        const cells: Array<Cell | undefined> = new Array(firstColumn + width);
        let any = false;
        for (let c = 0; c < width; c++) {
          const value = line[c];
          if (value === undefined || value === null || value === "") continue;
          let cell: Cell;
          if (typeof value === "number" && CVERR.has(value)) {
            cell = { value: String(sheet.Cells.Item(top + r, firstColumn + c + 1).Text), type: "error" };
          } else if (typeof value === "number") cell = { value, type: "number" };
          else if (typeof value === "boolean") cell = { value, type: "boolean" };
          else cell = { value: String(value), type: "string" };
          const format = formatAt(r, c);
          if (format && format !== "General" && format !== "G/通用格式") cell.format = format;
          cells[firstColumn + c] = cell;
          any = true;
        }
        if (any) rows.push({ row: top + r, cells });
      }
      onProgress?.({ rowsRead: offset + count, totalRows: height });
    }
    return rows;
  }

  /**
   * The number formats of a block's numeric cells (a date is a number whose format says so), (row,
   * column) → format. `NumberFormat` is one string when a range is uniform and null when mixed: the
   * whole block first (one call), else each column's stretches of numbers, halved until uniform. The
   * reads per block are capped (two per column): past that a format is left unknown (`Cell.format` is
   * information, no check depends on it), so calls grow with blocks and columns, never with cells.
   */
  private blockFormats(
    block: Et.Range,
    values: unknown[][],
    height: number,
    width: number,
  ): (row: number, column: number) => string | undefined {
    const whole = block.NumberFormat as unknown;
    if (typeof whole === "string") return () => whole;
    const formats: Array<Array<string | undefined>> = Array.from({ length: width }, () => new Array(height));
    let budget = 2 * width;
    for (let c = 0; c < width && budget > 0; c++) {
      const numeric: CellRef[] = [];
      for (let r = 0; r < height; r++) if (typeof values[r]?.[c] === "number") numeric.push({ column: "A", row: r + 1 });
      if (numeric.length === 0) continue;
      const column = block.Columns.Item(c + 1);
      const read = (from: number, count: number) => {
        if (budget <= 0) return;
        budget--;
        const format = column.Cells.Item(from + 1, 1).Resize(count, 1).NumberFormat as unknown;
        if (typeof format === "string") (formats[c] as Array<string | undefined>).fill(format, from, from + count);
        else if (count > 1) {
          const half = Math.floor(count / 2);
          read(from, half);
          read(from + half, count - half);
        }
      };
      for (const run of runsOf(numeric)) read(run.from - 1, run.to - run.from + 1);
    }
    return (row, column) => formats[column]?.[row];
  }

  /**
   * One fill per severity (a cell with several issues takes the worst), painted over comma-joined
   * areas per colour; each run's original fill read first. Messages go on as comments: a cell with
   * the secretary's own comment keeps hers (the message stays in the pane); the pane's own comment
   * is rewritten in place.
   */
  async mark(marks: readonly Mark[]): Promise<void> {
    const stats = this.begin();
    const cells = problemsByCell(marks);
    if (cells.size === 0) return;
    const sheet = this.worksheet();
    const refs = [...cells.keys()].map(parseCell);
    const fresh = refs.filter((ref) => !this.originalFills.has(`${ref.column}${ref.row}`));
    for (const run of runsOf(fresh)) this.readFills(sheet, run);
    const existing = this.commentsOn(sheet);
    const prefix = `${this.options.notePrefix}：`;
    this.quietly(() => {
      const byColour = new Map<Severity, string[]>();
      for (const [address, { severity }] of cells) groupInto(byColour, severity, address);
      for (const [severity, addresses] of byColour) {
        const colour = bgr(this.options.fills[severity]);
        for (const list of areaLists(runsOf(addresses.map(parseCell)).map(runAddress), MAX_ADDRESS_CHARS)) {
          sheet.Range(list).Interior.Color = colour;
          stats.blocks++;
        }
      }
      for (const [address, { messages }] of cells) {
        const text = `${prefix}\n${messages.map((m) => `• ${m}`).join("\n")}`;
        const there = existing.get(address);
        if (there === undefined) sheet.Range(address).AddComment(text);
        // Ours as written, or one an earlier pane left (it starts with the prefix): rewritten in place.
        else if (sameText(there, this.ourComments.get(address)) || there.startsWith(prefix)) sheet.Range(address).Comment.Text(text);
        else {
          this.ourComments.delete(address);
          continue;
        }
        this.ourComments.set(address, text);
      }
    });
  }

  /** A run's fills into `originalFills`: one read when the run is uniform, halves when it is not. */
  private readFills(sheet: Et.Worksheet, run: Run): void {
    const interior = sheet.Range(runAddress(run)).Interior;
    const colour = interior.Color as unknown;
    let fill: number | null | undefined;
    if (typeof colour === "number" && colour !== WHITE) fill = colour;
    else if (colour === WHITE) {
      const index = interior.ColorIndex as unknown;
      if (index === XL_NONE) fill = null;
      else if (typeof index === "number") fill = WHITE;
    }
    if (fill !== undefined || run.from === run.to) {
      for (let row = run.from; row <= run.to; row++) this.originalFills.set(`${run.column}${row}`, fill ?? null);
      return;
    }
    const middle = Math.floor((run.from + run.to) / 2);
    this.readFills(sheet, { column: run.column, from: run.from, to: middle });
    this.readFills(sheet, { column: run.column, from: middle + 1, to: run.to });
  }

  /** The sheet's comments, cell → text (a sheet has few: one pass over `Comments`). */
  private commentsOn(sheet: Et.Worksheet): Map<string, string> {
    const comments = sheet.Comments;
    const found = new Map<string, string>();
    const count = comments.Count;
    for (let i = 1; i <= count; i++) {
      const comment = comments.Item(i);
      const parent = comment.Parent as Et.Range;
      found.set(parent.Address(false, false), comment.Text());
    }
    for (const address of this.ourComments.keys()) if (!found.has(address)) this.ourComments.delete(address);
    return found;
  }

  /** The marks of these rows only, put back (the rows an edit re-checked). */
  async clearRowMarks(rows: ReadonlySet<number>): Promise<ClearResult> {
    return this.clearMarks(rows);
  }

  /**
   * Fills back as they were, grouped by original colour over comma-joined areas, and the pane's
   * comments deleted. One the secretary edited (it no longer reads as written) stays and is counted.
   */
  async clearMarks(rows?: ReadonlySet<number>): Promise<ClearResult> {
    const stats = this.begin();
    let kept = 0;
    if (this.originalFills.size === 0 && this.ourComments.size === 0) return { kept };
    const sheet = this.worksheet();
    const inRows = (address: string) => !rows || rows.has(parseCell(address).row);
    const fills = [...this.originalFills].filter(([address]) => inRows(address));
    const ours = [...this.ourComments].filter(([address]) => inRows(address));
    const existing = ours.length ? this.commentsOn(sheet) : new Map<string, string>();
    this.quietly(() => {
      const byFill = new Map<number | null, string[]>();
      for (const [address, fill] of fills) groupInto(byFill, fill, address);
      for (const [fill, addresses] of byFill) {
        for (const list of areaLists(runsOf(addresses.map(parseCell)).map(runAddress), MAX_ADDRESS_CHARS)) {
          const interior = sheet.Range(list).Interior;
          // "No fill" is not white: clearing keeps the gridlines visible.
          if (fill === null) interior.ColorIndex = XL_NONE;
          else interior.Color = fill;
          stats.blocks++;
        }
      }
      for (const [address, text] of ours) {
        if (!existing.has(address)) continue;
        if (sameText(existing.get(address), text)) sheet.Range(address).Comment.Delete();
        else kept++;
      }
    });
    for (const [address] of fills) this.originalFills.delete(address);
    for (const [address] of ours) this.ourComments.delete(address);
    return { kept };
  }

  async select(cell: CellRef): Promise<void> {
    this.begin();
    const sheet = this.worksheet();
    sheet.Activate();
    sheet.Range(`${cell.column}${cell.row}`).Select();
  }

  /**
   * Fixes per run of consecutive cells in a column: the run's formulas read in one call, then each
   * stretch without a formula and with one number format written as one `Value2` column. A formula
   * cell is left alone and named in `lastCorrection` (writing the value would replace the formula).
   */
  async writeValues(cells: readonly CellWrite[]): Promise<void> {
    const stats = this.begin();
    const correction: Correction = { fixed: 0, formulaCells: [] };
    this.lastCorrection = correction;
    if (cells.length === 0) return;
    const sheet = this.worksheet();
    const byAddress = new Map(cells.map((c) => [`${c.column}${c.row}`, c]));
    this.quietly(() => {
      for (const run of runsOf(cells)) {
        const formulas = asGrid(sheet.Range(runAddress(run)).Formula);
        let stretch: CellWrite[] = [];
        const flush = () => {
          const first = stretch[0];
          if (!first) return;
          const range = sheet.Range(runAddress({ column: run.column, from: first.row, to: first.row + stretch.length - 1 }));
          if (first.format) range.NumberFormat = first.format;
          setValue2(range, stretch.length === 1 ? first.value : stretch.map((c) => [c.value]));
          correction.fixed += stretch.length;
          stats.blocks++;
          stretch = [];
        };
        for (let row = run.from; row <= run.to; row++) {
          const cell = byAddress.get(`${run.column}${row}`) as CellWrite;
          if (isFormula(formulas[row - run.from]?.[0])) {
            flush();
            correction.formulaCells.push(`${cell.column}${cell.row}`);
            continue;
          }
          if (stretch.length && stretch[0]?.format !== cell.format) flush();
          stretch.push(cell);
        }
        flush();
      }
    });
  }

  async formulaCells(cells: readonly CellRef[]): Promise<string[]> {
    this.begin();
    if (cells.length === 0) return [];
    const sheet = this.worksheet();
    const wanted = new Set(cells.map((c) => `${c.column}${c.row}`));
    const found: string[] = [];
    for (const run of runsOf(cells)) {
      const formulas = asGrid(sheet.Range(runAddress(run)).Formula);
      for (let row = run.from; row <= run.to; row++) {
        const address = `${run.column}${row}`;
        if (wanted.has(address) && isFormula(formulas[row - run.from]?.[0])) found.push(address);
      }
    }
    return found;
  }

  /** A new worksheet after the last: text-formatted ID columns, title, header, rows in 2-D blocks, dropdowns. */
  async addSheet(spec: NewSheet): Promise<void> {
    const stats = this.begin();
    const sheets = this.app.ActiveWorkbook.Worksheets;
    const count = sheets.Count;
    const names = new Set<string>();
    for (let i = 1; i <= count; i++) names.add((sheets.Item(i) as Et.Worksheet).Name);
    let name = spec.name;
    for (let n = 2; names.has(name); n++) name = `${spec.name} (${n})`;
    this.quietly(() => {
      const sheet = sheets.Add(undefined, sheets.Item(count)) as Et.Worksheet;
      sheet.Name = name;
      const width = spec.headers.length;
      const last = columnLetter(width - 1);
      const height = spec.rows.length + spec.spareRows;
      const head = spec.title ? 2 : 1;
      const first = head + 1;
      // Text format first, so 学号 and 身份证号 are stored as typed (no lost digits or zeros).
      for (const column of spec.textColumns) {
        const letter = columnLetter(column);
        sheet.Range(`${letter}${first}:${letter}${height + head}`).NumberFormat = "@";
      }
      if (spec.title) {
        const title = sheet.Range("A1");
        setValue2(title, spec.title);
        title.Font.Bold = true;
      }
      const header = sheet.Range(`A${head}`).Resize(1, width);
      setValue2(header, [spec.headers]);
      header.Font.Bold = true;
      const rowsPerBlock = Math.max(1, Math.floor(this.cellsPerWrite / width));
      for (let start = 0; start < spec.rows.length; start += rowsPerBlock) {
        const block = spec.rows.slice(start, start + rowsPerBlock);
        const values = block.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
        setValue2(sheet.Range(`A${start + first}`).Resize(block.length, width), values);
        stats.blocks++;
      }
      for (const { column, values } of spec.dropdowns) {
        const letter = columnLetter(column);
        const validation = sheet.Range(`${letter}${first}:${letter}${height + head}`).Validation;
        validation.Delete();
        validation.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, values.join(","));
      }
      sheet.Range(`A${head}:${last}${spec.rows.length + head}`).Columns.AutoFit();
      sheet.Activate();
    });
  }

  /**
   * The secretary's edits, from WPS's `SheetChange` event, so the pane can re-check the cells she
   * changed. Returns the unsubscribe.
   */
  onEdit(listener: (edit: SheetEdit) => void): () => void {
    const events = this.app.ApiEvent;
    if (!events) return () => {};
    const handler = (sheet: Et.Worksheet, range: unknown) =>
      listener({ sheet: sheet.Name, address: (range as Et.Range).Address(false, false) });
    events.AddApiEventListener("SheetChange", handler);
    return () => events.RemoveApiEventListener("SheetChange", handler);
  }
}
