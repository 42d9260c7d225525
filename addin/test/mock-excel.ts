/**
 * A worksheet behind office-addin-mock, for the Office.js host's tests and benchmarks. Every
 * object the host gets (worksheet, range, RangeAreas, note) is an `OfficeMockObject`, so reading a
 * property that was not loaded and synced fails as it does in Excel. `context.sync()` is counted,
 * applies the writes queued since the last one, and can refuse oversized reads (null values) the
 * way Excel does past its 5 MB response limit. API sets above `apiSet` throw when used. Comments
 * (1.10) behave as Excel's do: one per cell, and none on a cell that has a note — a refused command
 * fails its sync, after the commands queued before it have run. Notes (1.18) too: getting or deleting
 * one that is not there, or adding one where a note or comment is, fails the sync.
 */
import { type CellType, columnLetter } from "@xueji/shared";
import { OfficeMockObject } from "office-addin-mock";
import type { OfficeApi } from "../src/host/office-host";
import { columnIndex, parseCell } from "../src/host/sheet-host";

export interface MockCell {
  value: string | number | boolean | null;
  type: CellType;
  format?: string;
  /** null: no fill. */
  fill?: string | null;
  /** A formula (`=VLOOKUP(…)`): `value` is what it computes; `formulas` reads this back. */
  formula?: string;
  /** An old-style note (on any Excel; the notes API to see it needs 1.18). */
  note?: string;
  /** A comment thread's first comment (ExcelApi 1.10) and the replies under it. */
  comment?: { id: string; content: string; replies?: string[] };
}

const EXCEL_TYPES: Record<CellType, string> = { string: "String", number: "Double", boolean: "Boolean", empty: "Empty", error: "Error" };

function cellsOf(address: string): string[] {
  const [from, to = from] = address.replace(/^.*!/, "").split(":") as [string, string?];
  const a = parseCell(from);
  const b = parseCell(to);
  const out: string[] = [];
  for (let r = a.row; r <= b.row; r++)
    for (let c = columnIndex(a.column); c <= columnIndex(b.column); c++) out.push(`${columnLetter(c)}${r}`);
  return out;
}

export class MockWorkbook {
  readonly cells = new Map<string, MockCell>();
  syncs = 0;
  /** Reads bigger than this many cells come back with null values (Excel's oversized response). */
  maxCellsPerRead = Number.POSITIVE_INFINITY;
  selected: string | null = null;
  screenSuspensions = 0;
  readonly sheetsAdded: string[] = [];
  private pending: Array<() => void> = [];
  private created: OfficeMockObject[] = [];
  /** Loads that are not office-addin-mock objects (comments), resolved after the writes of their sync. */
  private loads: Array<() => void> = [];
  private commentCount = 0;

  constructor(
    readonly sheetName = "Sheet1",
    /** The highest ExcelApi version this "Excel" has, e.g. "1.1" for Excel 2016 volume editions. */
    readonly apiSet = "1.18",
  ) {}

  set(address: string, cell: MockCell): void {
    this.cells.set(address, cell);
  }

  fillOf(address: string): string | null {
    return this.cells.get(address)?.fill ?? null;
  }

  /** A comment the secretary wrote herself. */
  comment(address: string, content: string): void {
    const cell = this.cells.get(address) ?? { value: null, type: "empty" as CellType };
    this.cells.set(address, { ...cell, comment: { id: `theirs-${++this.commentCount}`, content } });
  }

  /** A reply typed under the comment on `address`. */
  reply(address: string, content: string): void {
    const cell = this.cells.get(address) as MockCell;
    const comment = cell.comment as NonNullable<MockCell["comment"]>;
    this.cells.set(address, { ...cell, comment: { ...comment, replies: [...(comment.replies ?? []), content] } });
  }

  comments(): Record<string, string> {
    return Object.fromEntries([...this.cells].flatMap(([a, c]) => (c.comment ? [[a, c.comment.content]] : [])));
  }

  private commentAt(id: string): string {
    const found = [...this.cells].find(([, c]) => c.comment?.id === id);
    if (!found) throw new Error(`ItemNotFound: comment ${id}`);
    return found[0];
  }

  private deleteComment(id: string): void {
    const key = this.commentAt(id);
    this.cells.set(key, { ...(this.cells.get(key) as MockCell), comment: undefined });
  }

  /** A value that can be read only after `load` and a sync, as in Excel. */
  private later<T>(compute: () => T): { load(): void; readonly value: T } {
    let done = false;
    let value: T;
    return {
      load: () =>
        this.loads.push(() => {
          value = compute();
          done = true;
        }),
      get value(): T {
        if (!done) throw new Error("property read before load and sync");
        return value as T;
      },
    };
  }

  /** A comment as loaded: id, content and reply ids as they were at the sync. */
  private commentProxy(comment: NonNullable<MockCell["comment"]>) {
    const model = this;
    const id = () => comment.id;
    return {
      id: comment.id,
      content: comment.content,
      replies: { items: (comment.replies ?? []).map((_, i) => ({ id: `${comment.id}-reply-${i}` })) },
      delete: () => model.pending.push(() => model.deleteComment(comment.id)),
      getLocation() {
        const address = model.later(() => `'${model.sheetName}'!$${model.commentAt(id()).replace(/(\d+)$/, "$$$1")}`);
        return {
          load: () => address.load(),
          get address() {
            return address.value;
          },
        };
      },
    };
  }

  /** `worksheet.comments`: the sheet's comment threads (ExcelApi 1.10). */
  private commentCollection() {
    const model = this;
    const items = this.later(() => [...this.cells].flatMap(([, c]) => (c.comment ? [this.commentProxy(c.comment)] : [])));
    return {
      load: () => {
        model.need("1.10", "comments");
        items.load();
      },
      get items() {
        return items.value;
      },
      add: (address: string, content: string) => {
        model.need("1.10", "comments");
        const key = address.replace(/^.*!/, "");
        const id = model.later(() => model.cells.get(key)?.comment?.id ?? "");
        model.pending.push(() => {
          const cell = model.cells.get(key) ?? { value: null, type: "empty" as CellType };
          if (cell.comment || cell.note) throw new Error(`InvalidArgument: ${key} already has a comment or a note`);
          model.cells.set(key, { ...cell, comment: { id: `ours-${++model.commentCount}`, content } });
        });
        return {
          load: () => id.load(),
          get id() {
            return id.value;
          },
        };
      },
      getItem: (id: string) => {
        model.need("1.10", "comments");
        return {
          delete: () => model.pending.push(() => model.deleteComment(id)),
          set content(content: string) {
            model.pending.push(() => {
              const key = model.commentAt(id);
              const cell = model.cells.get(key) as MockCell;
              model.cells.set(key, { ...cell, comment: { ...(cell.comment as { id: string }), id, content } });
            });
          },
        };
      },
    };
  }

  supports(version: string): boolean {
    const [a, b] = version.split(".").map(Number) as [number, number];
    const [x, y] = this.apiSet.split(".").map(Number) as [number, number];
    return a < x || (a === x && b <= y);
  }

  private need(version: string, what: string): void {
    if (!this.supports(version)) throw new Error(`${what} needs ExcelApi ${version}; this Excel has ${this.apiSet}`);
  }

  private usedAddress(): string {
    let maxRow = 1;
    let maxCol = 0;
    for (const [address, cell] of this.cells) {
      if (cell.value === null) continue;
      const { row, column } = parseCell(address);
      maxRow = Math.max(maxRow, row);
      maxCol = Math.max(maxCol, columnIndex(column));
    }
    return `${this.sheetName}!A1:${columnLetter(maxCol)}${maxRow}`;
  }

  private track<T extends OfficeMockObject>(mock: T): T {
    this.created.push(mock);
    return mock;
  }

  /** A fill target (one range or RangeAreas): colour assignments and clear() apply at the next sync. */
  private fillTarget(addresses: string[], extra: Record<string, unknown> = {}): OfficeMockObject {
    const first = this.cells.get(addresses[0] as string)?.fill ?? null;
    const original = addresses.length === 1 ? (first ?? "#FFFFFF") : null;
    const model = this;
    const mock = new OfficeMockObject({
      ...extra,
      format: {
        fill: {
          color: original ?? "",
          clear() {
            model.pending.push(() => {
              for (const a of addresses) model.cells.set(a, { ...(model.cells.get(a) ?? { value: null, type: "empty" }), fill: null });
            });
          },
        },
        font: { bold: false },
        autofitColumns() {
          model.need("1.2", "autofitColumns");
        },
      },
    });
    const fill = (mock as unknown as { format: { fill: { color: unknown } } }).format.fill;
    this.afterSync.push(() => {
      const colour = fill.color;
      if (typeof colour === "string" && colour.startsWith("#") && colour !== original) {
        for (const a of addresses)
          this.cells.set(a, { ...(this.cells.get(a) ?? { value: null, type: "empty" }), fill: colour.toUpperCase() });
      }
    });
    return this.track(mock);
  }

  private afterSync: Array<() => void> = [];

  private range(address: string): OfficeMockObject {
    const addresses = cellsOf(address);
    const model = this;
    const first = parseCell(address.split(":")[0] as string);
    const last = parseCell((address.split(":")[1] ?? address) as string);
    const width = columnIndex(last.column) - columnIndex(first.column) + 1;
    const rows = last.row - first.row + 1;
    const mock = this.fillTarget(addresses, {
      address,
      select() {
        model.pending.push(() => {
          model.selected = address;
        });
      },
      dataValidation: { rule: {} },
    });
    const grid = <T>(pick: (cell: MockCell | undefined) => T): T[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: width }, (_, c) => pick(this.cells.get(`${columnLetter(columnIndex(first.column) + c)}${first.row + r}`))),
      );
    const oversized = addresses.length > this.maxCellsPerRead;
    const values = oversized ? null : grid((c) => c?.value ?? "");
    const formats = grid((c) => c?.format ?? "General");
    // setValue is how office-addin-mock takes a null (its constructor cannot): typed private, used as documented.
    const settable = mock as unknown as { setValue(name: string, value: unknown): void };
    settable.setValue("values", values);
    settable.setValue("valueTypes", oversized ? null : grid((c) => EXCEL_TYPES[c?.type ?? "empty"]));
    settable.setValue("numberFormat", formats);
    // A constant reads back as its value, a formula as its text (Range.formulas, ExcelApi 1.1).
    settable.setValue(
      "formulas",
      grid((c) => c?.formula ?? c?.value ?? ""),
    );
    const target = mock as unknown as { values: unknown; numberFormat: unknown; dataValidation: { rule: unknown } };
    const rule = target.dataValidation.rule;
    // Written in any later sync of the same batch (a range loaded in one sync and written in the next), as with Excel's proxies.
    const watch = () => {
      // Not loaded, or loaded and not set: nothing written yet.
      const written = (now: unknown, loaded: unknown) => Array.isArray(now) && now !== loaded;
      if (!written(target.numberFormat, formats) && !written(target.values, values) && target.dataValidation.rule === rule) {
        this.afterSync.push(watch);
        return;
      }
      if (Array.isArray(target.numberFormat) && target.numberFormat !== formats) {
        const written = target.numberFormat as string[][];
        addresses.forEach((a, i) => {
          const f = written[Math.floor(i / width)]?.[i % width];
          if (f !== undefined) this.cells.set(a, { ...(this.cells.get(a) ?? { value: null, type: "empty" }), format: f });
        });
      }
      if (Array.isArray(target.values) && target.values !== values) {
        const written = target.values as unknown[][];
        addresses.forEach((a, i) => {
          const v = written[Math.floor(i / width)]?.[i % width] as string | number;
          const old = this.cells.get(a) ?? { value: null, type: "empty" as CellType };
          // Excel keeps text in a text-formatted cell and turns a typed number or date into a number.
          const asText = old.format === "@" || typeof v !== "string" ? v : v;
          const type: CellType = v === "" ? "empty" : typeof asText === "number" ? "number" : "string";
          // A value written over a formula replaces it, as in Excel.
          this.cells.set(a, { ...old, value: v === "" ? null : asText, type, formula: undefined });
        });
      }
      if (target.dataValidation.rule !== rule) this.need("1.8", "dataValidation");
    };
    this.afterSync.push(watch);
    return mock;
  }

  /** A note as `getItemOrNullObject` gives it: its text can be set, and it can be deleted, at the next sync. */
  private note(address: string): OfficeMockObject {
    const key = address.replace(/^.*!/, "");
    const text = this.cells.get(key)?.note;
    const mock = this.track(
      new OfficeMockObject({
        isNullObject: text === undefined,
        content: text ?? "",
        delete: () => this.pending.push(() => this.deleteNote(key)),
      }),
    );
    const target = mock as unknown as { content: unknown };
    // The text may be set in any later sync of the same batch, as with Excel's proxies.
    const watch = () => {
      if (target.content === (text ?? "")) {
        this.afterSync.push(watch);
        return;
      }
      const cell = this.cells.get(key);
      if (!cell?.note) throw new Error(`ItemNotFound: note ${key}`);
      this.cells.set(key, { ...cell, note: String(target.content) });
    };
    this.afterSync.push(watch);
    return mock;
  }

  private deleteNote(key: string): void {
    const cell = this.cells.get(key);
    if (!cell?.note) throw new Error(`ItemNotFound: note ${key}`);
    this.cells.set(key, { ...cell, note: undefined });
  }

  /** The `Excel` namespace's `run` and Office's `isSetSupported`, as the host takes them. */
  api(): OfficeApi {
    const worksheet = () => {
      const sheet = this.track(
        new OfficeMockObject({
          name: this.sheetName,
          getUsedRange: () => this.track(new OfficeMockObject({ address: this.usedAddress() })),
          getRange: (address: string) => this.range(address),
          getRanges: (list: string) => {
            this.need("1.9", "RangeAreas");
            return this.fillTarget(list.split(",").flatMap(cellsOf));
          },
          activate() {},
        }),
      );
      // Set after construction: office-addin-mock would turn the collection into a mock object of its own.
      (sheet as unknown as { comments: unknown }).comments = this.commentCollection();
      return sheet;
    };
    const context = {
      workbook: {
        worksheets: {
          getActiveWorksheet: worksheet,
          getItem: (_name: string) => worksheet(),
          add: (name: string) => {
            this.sheetsAdded.push(name);
            return worksheet();
          },
          load() {},
          // The sheet and those added, as `load("items/name")` gives them.
          items: [this.sheetName, ...this.sheetsAdded].map((name) => ({ name })),
        },
        notes: {
          getItemOrNullObject: (address: string) => {
            this.need("1.18", "notes");
            return this.note(address);
          },
          getItem: (address: string) => {
            this.need("1.18", "notes");
            return { delete: () => this.pending.push(() => this.deleteNote(address.replace(/^.*!/, ""))) };
          },
          add: (address: string, content: string) => {
            this.need("1.18", "notes");
            this.pending.push(() => {
              const key = address.replace(/^.*!/, "");
              const cell = this.cells.get(key) ?? { value: null, type: "empty" as CellType };
              if (cell.note || cell.comment) throw new Error(`InvalidArgument: ${key} already has a note or a comment`);
              this.cells.set(key, { ...cell, note: content });
            });
          },
        },
      },
      application: {
        suspendScreenUpdatingUntilNextSync: () => {
          this.need("1.9", "suspendScreenUpdatingUntilNextSync");
          this.screenSuspensions++;
        },
      },
      sync: async () => {
        this.syncs++;
        for (const mock of this.created) await mock.sync();
        // office-addin-mock settles loaded properties a few microtasks later.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const [afterSync, pending, loads] = [this.afterSync, this.pending, this.loads];
        this.created = [];
        this.afterSync = [];
        this.pending = [];
        this.loads = [];
        // In order; a refused command fails the sync, the commands before it having run (as in Excel).
        for (const write of afterSync) write();
        for (const write of pending) write();
        for (const load of loads) load();
      },
    };
    return {
      run: (batch) => batch(context as unknown as Excel.RequestContext),
      isSetSupported: (name, version) => name === "ExcelApi" && this.supports(version),
    };
  }
}
