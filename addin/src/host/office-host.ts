/// <reference types="office-js" />
import { type Cell, type CellType, columnLetter, type GridRow, problemsByCell, type Severity } from "@xueji/shared";
import { areaLists } from "./area-lists";
import {
  type CellRef,
  type CellWrite,
  type ClearResult,
  type Correction,
  columnIndex,
  type HostCapabilities,
  type HostStats,
  type Mark,
  type NewSheet,
  parseCell,
  type ReadProgress,
  type SheetEdit,
  type SheetHost,
} from "./sheet-host";

/** The part of the Office.js globals the host needs, passed in so tests can hand it office-addin-mock. */
export interface OfficeApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

export interface OfficeHostOptions {
  /** A read request's target size. Excel refuses responses over 5 MB; 1 MB keeps well clear of it. */
  requestBytes?: number;
  /** Cells per mark or write block (one `context.sync()` each). */
  cellsPerBlock?: number;
  fills: Readonly<Record<Severity, string>>;
  /** Prefix of the notes and comments the pane writes, so a reader can tell them from the secretary's own. */
  notePrefix: string;
}

// A first guess before a block has been measured: JSON for a cell's value, type and format.
const FIRST_GUESS_BYTES_PER_CELL = 64;
// An address list for RangeAreas stays short (Excel rejects very long address strings).
const MAX_AREAS_CHARS = 2_000;
const NO_FILL = "#FFFFFF";

const VALUE_TYPES: Record<string, CellType> = {
  Empty: "empty",
  String: "string",
  Double: "number",
  Integer: "number",
  Boolean: "boolean",
  Error: "error",
};

function toCell(value: unknown, valueType: string, format: string): Cell | undefined {
  const type = VALUE_TYPES[valueType] ?? "string";
  if (type === "empty" || value === "" || value === null || value === undefined) return undefined;
  const cell: Cell = { value: type === "string" || type === "error" ? String(value) : (value as number | boolean), type };
  if (format && format !== "General") cell.format = format;
  return cell;
}

/** `Sheet1!B2:K9` → its first and last rows and columns (0-based columns). */
export function parseRangeAddress(address: string): { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } {
  const [from, to = from] = address.replace(/^.*!/, "").split(":") as [string, string?];
  const a = parseCell(from);
  const b = parseCell(to);
  return { firstRow: a.row, lastRow: b.row, firstColumn: columnIndex(a.column), lastColumn: columnIndex(b.column) };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `formulas` gives a constant back as its value, a formula as text starting with "=". */
function isFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=");
}

/** Excel may hand text back with \r\n line ends; the pane writes \n. */
function sameText(a: string | null | undefined, b: string | undefined): boolean {
  return b !== undefined && typeof a === "string" && a.replace(/\r\n?/g, "\n") === b;
}

/** `'名单'!$B$3` → `B3`: how Excel gives a comment's location back, as the host keys cells. */
function cellKey(address: string): string {
  return address.replace(/^.*!/, "").replaceAll("$", "");
}

/**
 * The Office.js side of the port. Requirements (README, “Which Excel”): ExcelApi 1.1 for everything in the core
 * flow; RangeAreas, screen-updating suspension (1.9), dropdowns (1.8), notes (1.18) and, where
 * notes are missing, comments (1.10) are light-ups checked with `isSetSupported`. Reads, marks and
 * writes go in blocks with one `context.sync()` each, never one per row or cell.
 */
export class OfficeHost implements SheetHost {
  readonly mode = "excel" as const;
  readonly fixStrategy = "in-place" as const;
  /** Fixes go into the open workbook: there is no copy. */
  readonly correctedCopy = null;
  readonly capabilities: HostCapabilities;
  /** What the last `writeValues` wrote, and the formula cells it left alone. */
  lastCorrection: Correction | null = null;
  /** Counters of the last read, mark, clear or write. */
  stats: HostStats = { syncs: 0, blocks: 0, bytesPerRequest: [], retries: 0 };
  private readonly requestBytes: number;
  private readonly cellsPerBlock: number;
  /** The sheet that was read (marks, selections and fixes go there even if another is active). */
  private sheet: string | null = null;
  /** Each marked cell's fill before the pane touched it, so clearing puts it back exactly. */
  private readonly originalFills = new Map<string, string | null>();
  /** Notes the pane wrote, cell → their text: a note that no longer reads so (the secretary's) is never touched. */
  private readonly ourNotes = new Map<string, string>();
  /** Comments the pane added (ExcelApi 1.10–1.17), cell → id and text: clearing deletes these and no others. */
  private readonly ourComments = new Map<string, { id: string; text: string }>();

  constructor(
    private readonly office: OfficeApi,
    private readonly options: OfficeHostOptions,
  ) {
    const at = (version: string) => office.isSetSupported("ExcelApi", version);
    this.capabilities = {
      rangeAreas: at("1.9"),
      suspendScreenUpdating: at("1.9"),
      dropdowns: at("1.8"),
      notes: at("1.18"),
      comments: !at("1.18") && at("1.10"),
      editsWorkbook: true,
    };
    this.requestBytes = options.requestBytes ?? 1_000_000;
    this.cellsPerBlock = options.cellsPerBlock ?? 2_000;
  }

  private begin(): HostStats {
    this.stats = { syncs: 0, blocks: 0, bytesPerRequest: [], retries: 0 };
    return this.stats;
  }

  private async sync(context: Excel.RequestContext): Promise<void> {
    this.stats.syncs++;
    await context.sync();
  }

  private worksheet(context: Excel.RequestContext): Excel.Worksheet {
    return this.sheet ? context.workbook.worksheets.getItem(this.sheet) : context.workbook.worksheets.getActiveWorksheet();
  }

  /**
   * The secretary's edits, from the active worksheet's `onChanged` (ExcelApi 1.7; fills and notes are
   * format changes, which it does not report). Returns the unsubscribe.
   */
  onEdit(listener: (edit: SheetEdit) => void): () => void {
    if (!this.office.isSetSupported("ExcelApi", "1.7")) return () => {};
    let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    let stopped = false;
    const subscribed = this.office
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("name");
        await context.sync();
        const name = sheet.name;
        handler = sheet.onChanged.add(async (event) => {
          if (!stopped) listener({ sheet: name, address: event.address.replace(/^.*!/, "").replaceAll("$", "") });
        });
        await context.sync();
      })
      .catch(() => {
        // No events here: the secretary checks again with 检查.
      });
    return () => {
      stopped = true;
      void subscribed
        .then(async () => {
          // Removed in the request context it was added in, as Office.js requires.
          const result = handler as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
          if (!result) return;
          result.remove();
          await result.context.sync();
        })
        .catch(() => {});
    };
  }

  private suspend(context: Excel.RequestContext): void {
    if (this.capabilities.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
  }

  /** Each check reads the worksheet afresh: nothing to forget. */
  reset(): void {}

  async sheetName(): Promise<string> {
    if (this.sheet) return this.sheet;
    return this.office.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
  }

  /**
   * The active sheet's used range as grid rows. Block height is sized from the bytes the previous
   * block actually took, so a request stays near `requestBytes`; a block whose values come back
   * null (Excel's answer to an oversized response) is read again in halves.
   */
  async readUsedRange(onProgress?: (progress: ReadProgress) => void): Promise<GridRow[]> {
    this.begin();
    return this.office.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const used = sheet.getUsedRange();
      sheet.load("name");
      used.load("address");
      await this.sync(context);
      if (this.originalFills.size && this.sheet !== sheet.name) {
        // Marks still on another sheet: the pane clears them before reading, so this means a caller forgot.
        throw new Error("clear the marks before reading another sheet");
      }
      this.sheet = sheet.name;
      const { firstRow, lastRow, firstColumn, lastColumn } = parseRangeAddress(used.address);
      return this.readBlocks(context, sheet, { firstRow, lastRow, firstColumn, lastColumn }, onProgress);
    });
  }

  /** Rows `first`…`last` of the sheet read last, as wide as its used range (the rows she edited). */
  async readRows(first: number, last: number): Promise<GridRow[]> {
    this.begin();
    return this.office.run(async (context) => {
      const sheet = this.worksheet(context);
      const used = sheet.getUsedRange();
      used.load("address");
      await this.sync(context);
      const { firstColumn, lastColumn } = parseRangeAddress(used.address);
      return this.readBlocks(context, sheet, { firstRow: first, lastRow: last, firstColumn, lastColumn });
    });
  }

  private async readBlocks(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    { firstRow, lastRow, firstColumn, lastColumn }: ReturnType<typeof parseRangeAddress>,
    onProgress?: (progress: ReadProgress) => void,
  ): Promise<GridRow[]> {
    const stats = this.stats;
    const width = lastColumn - firstColumn + 1;
    const from = columnLetter(firstColumn);
    const to = columnLetter(lastColumn);
    const total = lastRow - firstRow + 1;
    let height = Math.max(1, Math.floor(this.requestBytes / (width * FIRST_GUESS_BYTES_PER_CELL)));
    const rows: GridRow[] = [];
    let row = firstRow;
    while (row <= lastRow) {
      const count = Math.min(height, lastRow - row + 1);
      const range = sheet.getRange(`${from}${row}:${to}${row + count - 1}`);
      range.load("values,valueTypes,numberFormat");
      await this.sync(context);
      const values = range.values as unknown[][] | null;
      if (!values) {
        // Excel gave up on the response's size: not an empty sheet. Read the same rows in halves.
        if (count === 1) throw new Error(`Excel could not return row ${row}`);
        stats.retries++;
        height = Math.max(1, Math.floor(count / 2));
        continue;
      }
      stats.blocks++;
      const types = range.valueTypes as unknown as string[][];
      const formats = range.numberFormat as string[][];
      stats.bytesPerRequest.push(JSON.stringify(values).length + JSON.stringify(types).length + JSON.stringify(formats).length);
      for (let r = 0; r < values.length; r++) {
        const cells: Array<Cell | undefined> = new Array(firstColumn + width);
        let any = false;
        const line = values[r] as unknown[];
        for (let c = 0; c < width; c++) {
          const cell = toCell(line[c], types[r]?.[c] ?? "String", formats[r]?.[c] ?? "");
          if (cell) {
            cells[firstColumn + c] = cell;
            any = true;
          }
        }
        if (any) rows.push({ row: row + r, cells });
      }
      const perRow = (stats.bytesPerRequest.at(-1) as number) / count;
      height = Math.max(1, Math.floor(this.requestBytes / Math.max(perRow, 1)));
      row += count;
      onProgress?.({ rowsRead: row - firstRow, totalRows: total });
    }
    return rows;
  }

  /**
   * One fill per severity (a cell with several issues takes the worst) and the messages as a note
   * where notes exist (1.18), else as a comment (1.10). Each block's original fills are read in the
   * same sync that paints the block before it, so marking takes one sync per block plus one (plus
   * one more when the sheet already has comments, to learn which cells hold them: her comment stays
   * hers, and a cell with a comment takes no note).
   */
  async mark(marks: readonly Mark[]): Promise<void> {
    this.begin();
    const cells = problemsByCell(marks);
    const blocks = chunks([...cells.keys()], this.cellsPerBlock);
    if (blocks.length === 0) return;
    const textOf = (address: string) =>
      `${this.options.notePrefix}：\n${(cells.get(address) as { messages: string[] }).messages.map((m) => `• ${m}`).join("\n")}`;
    const colourOf = (address: string) => this.options.fills[(cells.get(address) as { severity: Severity }).severity];
    await this.office.run(async (context) => {
      const sheet = this.worksheet(context);
      // On 1.18 too: a cell holds a note or a comment thread, never both, so a cell with her comment takes no note.
      const threads = this.capabilities.comments || this.capabilities.notes ? sheet.comments : null;
      threads?.load("items/id");
      const comments = this.capabilities.comments ? threads : null;
      const loadBlock = (addresses: string[]) =>
        addresses.map((address) => {
          const range = sheet.getRange(address);
          range.format.fill.load("color");
          return { address, range, note: this.capabilities.notes ? this.loadNote(context, address) : null };
        });
      let loaded = loadBlock(blocks[0] as string[]);
      await this.sync(context);
      const before = threads ? await this.commentsOnSheet(context, threads) : null;
      for (let b = 0; b < blocks.length; b++) {
        const current = loaded;
        const addresses = current.map((c) => c.address);
        for (const { address, range } of current) {
          if (!this.originalFills.has(address)) this.originalFills.set(address, range.format.fill.color ?? null);
        }
        this.suspend(context);
        this.paint(sheet, addresses, colourOf);
        if (this.capabilities.notes) {
          for (const { address, note } of current) {
            const text = textOf(address);
            if (before?.cells.has(address)) continue;
            if (!note || note.isNullObject) context.workbook.notes.add(`'${this.sheet}'!${address}`, text);
            // Ours still as written: updated in place. Any other note is the secretary's and stays.
            else if (sameText(note.content, this.ourNotes.get(address))) note.content = text;
            else {
              this.ourNotes.delete(address);
              continue;
            }
            this.ourNotes.set(address, text);
          }
        }
        const added: Array<{ address: string; comment: Excel.Comment }> = [];
        if (comments && before) {
          for (const address of addresses) {
            const ours = this.ourComments.get(address);
            if (ours) {
              ours.text = textOf(address);
              comments.getItem(ours.id).content = ours.text;
            }
            // A cell holds one comment thread: one the secretary started stays hers, the message stays in the pane.
            else if (!before.cells.has(address)) {
              const comment = comments.add(`'${this.sheet}'!${address}`, textOf(address));
              comment.load("id");
              added.push({ address, comment });
            }
          }
        }
        const next = blocks[b + 1];
        if (next) loaded = loadBlock(next);
        this.stats.blocks++;
        try {
          await this.sync(context);
        } catch (error) {
          if (!comments || !before || added.length === 0) throw error;
          // Excel refused a comment (a cell with an old-style note takes no comment, and notes cannot be
          // seen before ExcelApi 1.18). The commands before it ran: adopt the comments that were added, so
          // clearing removes exactly ours, and finish the block without further comments.
          await this.adoptComments(context, sheet, new Set(addresses), before.ids, textOf);
          this.paint(sheet, addresses, colourOf);
          if (next) loaded = loadBlock(next);
          await this.sync(context);
          continue;
        }
        for (const { address, comment } of added) this.ourComments.set(address, { id: comment.id, text: textOf(address) });
      }
    });
  }

  /**
   * The sheet's comments (loaded with `items/id`): their ids, and the cells that hold one not added
   * by the pane. Locations cost one more sync, taken only when such comments exist. A comment of
   * ours the secretary deleted is forgotten.
   */
  private async commentsOnSheet(
    context: Excel.RequestContext,
    comments: Excel.CommentCollection,
  ): Promise<{ ids: Set<string>; cells: Set<string> }> {
    const ids = new Set(comments.items.map((c) => c.id));
    for (const [address, { id }] of this.ourComments) if (!ids.has(id)) this.ourComments.delete(address);
    const ours = this.ourCommentIds();
    const theirs = comments.items
      .filter((c) => !ours.has(c.id))
      .map((c) => {
        const location = c.getLocation();
        location.load("address");
        return location;
      });
    if (theirs.length) await this.sync(context);
    return { ids, cells: new Set(theirs.map((l) => cellKey(l.address))) };
  }

  /** After a refused batch: the comments that appeared in `block` since `known` are the pane's. */
  private async adoptComments(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    block: Set<string>,
    known: Set<string>,
    textOf: (address: string) => string,
  ) {
    const comments = sheet.comments;
    comments.load("items/id");
    await this.sync(context);
    const ours = this.ourCommentIds();
    const fresh = comments.items
      .filter((c) => !known.has(c.id) && !ours.has(c.id))
      .map((c) => {
        const location = c.getLocation();
        location.load("address");
        return { id: c.id, location };
      });
    if (fresh.length === 0) return;
    await this.sync(context);
    for (const { id, location } of fresh) {
      const address = cellKey(location.address);
      if (block.has(address)) this.ourComments.set(address, { id, text: textOf(address) });
    }
  }

  private ourCommentIds(): Set<string> {
    return new Set([...this.ourComments.values()].map((c) => c.id));
  }

  /** A cell's note, or a null object, with its text: loaded for the next sync. */
  private loadNote(context: Excel.RequestContext, address: string): Excel.Note {
    const note = context.workbook.notes.getItemOrNullObject(`'${this.sheet}'!${address}`);
    note.load("isNullObject,content");
    return note;
  }

  /** Sets fills, grouped by colour: one RangeAreas per colour on 1.9, else one range per cell (1.1). */
  private paint(sheet: Excel.Worksheet, addresses: readonly string[], colourOf: (address: string) => string | null): void {
    const byColour = new Map<string | null, string[]>();
    for (const address of addresses) {
      const colour = colourOf(address);
      const key = colour && colour.toUpperCase() !== NO_FILL ? colour : null;
      byColour.set(key, [...(byColour.get(key) ?? []), address]);
    }
    for (const [colour, group] of byColour) {
      const targets: Array<Excel.Range | Excel.RangeAreas> = this.capabilities.rangeAreas
        ? areaLists(group, MAX_AREAS_CHARS).map((list) => sheet.getRanges(list))
        : group.map((address) => sheet.getRange(address));
      for (const target of targets) {
        // "No fill" is read back as white; clearing (not painting white) keeps gridlines visible.
        if (colour === null) target.format.fill.clear();
        else target.format.fill.color = colour;
      }
    }
  }

  /**
   * Fills back as they were, and the notes and comments the pane added deleted (none other). What
   * still exists is learnt first, so a note or comment the secretary deleted by hand does not fail
   * the batch: the sheet's comments in one sync, each block's notes in the sync that clears the
   * block before it (one sync per block plus one). Her work is kept: a comment thread she replied
   * to, or a note or comment of ours she edited, stays as it is (its fill still goes back) and is
   * counted in `kept`.
   */
  /** The marks of these rows only, put back (the rows an edit re-checked). */
  async clearRowMarks(rows: ReadonlySet<number>): Promise<ClearResult> {
    return this.clearMarks(rows);
  }

  async clearMarks(rows?: ReadonlySet<number>): Promise<ClearResult> {
    this.begin();
    const inRows = (address: string) => !rows || rows.has(parseCell(address).row);
    const addresses = [...this.originalFills.keys()].filter(inRows);
    const notes = new Map([...this.ourNotes].filter(([address]) => inRows(address)));
    const comments = new Map([...this.ourComments].filter(([address]) => inRows(address)));
    let kept = 0;
    if (addresses.length === 0 && notes.size === 0 && comments.size === 0) return { kept };
    await this.office.run(async (context) => {
      const sheet = this.worksheet(context);
      const blocks = chunks(addresses, this.cellsPerBlock);
      // A note or comment on a cell no longer marked (none today) still goes, in the last block.
      const rest = [...new Set([...notes.keys(), ...comments.keys()])].filter((a) => !this.originalFills.has(a));
      if (rest.length) blocks.push(rest);
      const loadNotes = (block: readonly string[] | undefined) =>
        new Map((block ?? []).filter((a) => notes.has(a)).map((a) => [a, this.loadNote(context, a)]));
      if (comments.size) sheet.comments.load("items/id,items/content,items/replies/items/id");
      let loaded = loadNotes(blocks[0]);
      await this.sync(context);
      const present = new Map(comments.size ? sheet.comments.items.map((c) => [c.id, c]) : []);
      for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b] as string[];
        const current = loaded;
        this.suspend(context);
        this.paint(
          sheet,
          block.filter((a) => this.originalFills.has(a)),
          (address) => this.originalFills.get(address) ?? null,
        );
        for (const address of block) {
          const note = current.get(address);
          if (note && !note.isNullObject) {
            if (sameText(note.content, notes.get(address))) note.delete();
            else kept++;
          }
          const ours = comments.get(address);
          const comment = ours && present.get(ours.id);
          if (comment) {
            if (comment.replies.items.length === 0 && sameText(comment.content, ours.text)) comment.delete();
            else kept++;
          }
        }
        loaded = loadNotes(blocks[b + 1]);
        this.stats.blocks++;
        await this.sync(context);
      }
    });
    for (const address of addresses) this.originalFills.delete(address);
    for (const address of notes.keys()) this.ourNotes.delete(address);
    for (const address of comments.keys()) this.ourComments.delete(address);
    return { kept };
  }

  async select(cell: CellRef): Promise<void> {
    this.begin();
    await this.office.run(async (context) => {
      const sheet = this.worksheet(context);
      sheet.activate();
      sheet.getRange(`${cell.column}${cell.row}`).select();
      await this.sync(context);
    });
  }

  /**
   * Fixes, in blocks; a cell's number format (e.g. text for IDs) is set before its value. A cell
   * that holds a formula (姓名 looked up from another sheet) is left alone, as the file mode's
   * corrected copy leaves it, and named in `lastCorrection`: writing the value would replace the
   * formula. Each block's formulas are read in the sync that writes the block before it, so fixing
   * takes one sync per block plus one.
   */
  async writeValues(cells: readonly CellWrite[]): Promise<void> {
    this.begin();
    this.lastCorrection = { fixed: 0, formulaCells: [] };
    if (cells.length === 0) return;
    const correction = this.lastCorrection;
    await this.office.run(async (context) => {
      const sheet = this.worksheet(context);
      const blocks = chunks(cells, this.cellsPerBlock);
      const loadBlock = (block: readonly CellWrite[] | undefined) =>
        (block ?? []).map((cell) => {
          const range = sheet.getRange(`${cell.column}${cell.row}`);
          range.load("formulas");
          return { cell, range };
        });
      let loaded = loadBlock(blocks[0]);
      await this.sync(context);
      for (let b = 0; b < blocks.length; b++) {
        const current = loaded;
        this.suspend(context);
        for (const { cell, range } of current) {
          if (isFormula(range.formulas?.[0]?.[0])) {
            correction.formulaCells.push(`${cell.column}${cell.row}`);
            continue;
          }
          if (cell.format) range.numberFormat = [[cell.format]];
          range.values = [[cell.value]];
          correction.fixed++;
        }
        loaded = loadBlock(blocks[b + 1]);
        this.stats.blocks++;
        await this.sync(context);
      }
    });
  }

  /**
   * The formula cells among `cells` (the grid holds values only): one sync per block of cells, and
   * only when 一键修正's preview opens, so reading the sheet carries no formulas.
   */
  async formulaCells(cells: readonly CellRef[]): Promise<string[]> {
    this.begin();
    if (cells.length === 0) return [];
    return this.office.run(async (context) => {
      const sheet = this.worksheet(context);
      const found: string[] = [];
      for (const block of chunks(cells, this.cellsPerBlock)) {
        const loaded = block.map((cell) => {
          const range = sheet.getRange(`${cell.column}${cell.row}`);
          range.load("formulas");
          return { cell, range };
        });
        await this.sync(context);
        for (const { cell, range } of loaded) if (isFormula(range.formulas?.[0]?.[0])) found.push(`${cell.column}${cell.row}`);
      }
      return found;
    });
  }

  /** A new worksheet from a template: headers, text-formatted ID columns, rows, dropdowns where supported. */
  async addSheet(spec: NewSheet): Promise<void> {
    this.begin();
    await this.office.run(async (context) => {
      const existing = context.workbook.worksheets;
      existing.load("items/name");
      await this.sync(context);
      const names = new Set(existing.items.map((s) => s.name));
      let name = spec.name;
      for (let n = 2; names.has(name); n++) name = `${spec.name} (${n})`;
      const sheet = context.workbook.worksheets.add(name);
      const width = spec.headers.length;
      const last = columnLetter(width - 1);
      const height = spec.rows.length + spec.spareRows;
      // With a title row the header is row 2 and the data start at row 3.
      const head = spec.title ? 2 : 1;
      const first = head + 1;
      // Text format first, so 学号 and 身份证号 are stored as typed (no lost digits or zeros).
      for (const column of spec.textColumns) {
        const letter = columnLetter(column);
        sheet.getRange(`${letter}${first}:${letter}${height + head}`).numberFormat = Array.from({ length: height }, () => ["@"]);
      }
      if (spec.title) {
        const title = sheet.getRange("A1");
        title.values = [[spec.title]];
        title.format.font.bold = true;
      }
      const header = sheet.getRange(`A${head}:${last}${head}`);
      header.values = [spec.headers];
      header.format.font.bold = true;
      await this.sync(context);
      const rowsPerBlock = Math.max(1, Math.floor(this.cellsPerBlock / width));
      for (let start = 0; start < spec.rows.length; start += rowsPerBlock) {
        const block = spec.rows.slice(start, start + rowsPerBlock);
        this.suspend(context);
        sheet.getRange(`A${start + first}:${last}${start + head + block.length}`).values = block.map((r) =>
          Array.from({ length: width }, (_, c) => r[c] ?? ""),
        );
        this.stats.blocks++;
        await this.sync(context);
      }
      if (this.capabilities.dropdowns) {
        for (const { column, values } of spec.dropdowns) {
          const letter = columnLetter(column);
          sheet.getRange(`${letter}${first}:${letter}${height + head}`).dataValidation.rule = {
            list: { inCellDropDown: true, source: values.join(",") },
          };
        }
      }
      if (this.office.isSetSupported("ExcelApi", "1.2"))
        sheet.getRange(`A${head}:${last}${spec.rows.length + head}`).format.autofitColumns();
      sheet.activate();
      await this.sync(context);
    });
  }
}
