/**
 * TEST DOUBLE of WPS 表格's JS API — not WPS. Written from the API's documentation and
 * et-jsapi-declare's types, for WpsHost's tests, the host contract suite, the bench and (transpiled
 * as it is, so it imports nothing) the pane's Chromium e2e. It keeps the facts the host must design
 * for, and fails where WPS would:
 * - every property read or write and every method call crosses the bridge and is counted (`calls`),
 *   so a per-cell loop shows in a test;
 * - `Value2` of one cell is a scalar; of a larger range (1×n too) a 2-D array of rows;
 * - colours are BGR numbers (a "#RRGGBB" string is a type mismatch); no fill reads as white with
 *   `ColorIndex` xlNone (−4142); a mixed range's `Interior.Color` and `NumberFormat` read null;
 * - dates are 1900-system serials; formula errors read as CVErr numbers, their text through `Text`;
 * - `Range("…")` refuses addresses over 255 characters; `Select` needs the sheet active; a cell takes
 *   one comment (`AddComment` on a cell that has one fails, as on a range of several cells);
 * - `SheetChange` fires when the secretary edits a cell (`edit`);
 * - a protected sheet refuses every change with WPS's message.
 */

export interface DoubleCell {
  value?: string | number | boolean;
  /** `=VLOOKUP(…)`: `value` is what it computes. */
  formula?: string;
  /** A formula error's text, e.g. `#DIV/0!` (its `Value2` is the CVErr number). */
  error?: string;
  format?: string;
  /** BGR; absent: no fill. */
  fill?: number;
  comment?: string;
  /** A dropdown's list. */
  list?: string;
  bold?: boolean;
}

export interface DoubleSeed {
  sheets: Array<{ name: string; cells: Record<string, DoubleCell> }>;
  /** The active sheet's name (the first if absent). */
  active?: string;
}

type Listener = (...args: unknown[]) => void;
interface Area {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

const CVERR: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};
const WHITE = 0xffffff;
const XL_NONE = -4142;
export const PROTECTED_MESSAGE = "您试图更改的单元格或图表位于受保护的工作表中。";

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function colLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function parseArea(text: string): Area {
  const [from, to = from] = text.replaceAll("$", "").split(":") as [string, string?];
  const cell = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    if (!m) throw new Error(`Range: 无效的引用 ${a}`);
    return { row: Number(m[2]), col: colIndex(m[1] as string) };
  };
  const a = cell(from);
  const b = cell(to);
  return { r0: Math.min(a.row, b.row), r1: Math.max(a.row, b.row), c0: Math.min(a.col, b.col), c1: Math.max(a.col, b.col) };
}

function areaAddress(area: Area, absolute: boolean): string {
  const d = absolute ? "$" : "";
  const one = (r: number, c: number) => `${d}${colLetter(c)}${d}${r}`;
  return area.r0 === area.r1 && area.c0 === area.c1 ? one(area.r0, area.c0) : `${one(area.r0, area.c0)}:${one(area.r1, area.c1)}`;
}

function serialDate(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
}

export function createWpsDouble(seed: DoubleSeed) {
  const sheets = new Map(seed.sheets.map((s) => [s.name, { name: s.name, cells: new Map(Object.entries(s.cells)) }]));
  type Sheet = NonNullable<ReturnType<typeof sheets.get>>;
  const state = {
    calls: 0,
    active: seed.active ?? (seed.sheets[0]?.name as string),
    selected: null as { sheet: string; address: string } | null,
    screenUpdating: true,
    protectedSheets: new Map<string, string>(),
    taskPanes: [] as Array<{ url: string; title?: string; Visible: boolean }>,
    listeners: new Map<string, Listener[]>(),
    changed: [] as Array<() => void>,
  };
  const tick = () => {
    state.calls++;
  };
  const changed = () => {
    for (const fn of state.changed) fn();
  };
  const guard = (sheet: Sheet) => {
    const refusal = state.protectedSheets.get(sheet.name);
    if (refusal) throw new Error(refusal);
  };
  const cellAt = (sheet: Sheet, r: number, c: number): DoubleCell => sheet.cells.get(`${colLetter(c)}${r}`) ?? {};
  const put = (sheet: Sheet, r: number, c: number, change: Partial<DoubleCell>) => {
    const address = `${colLetter(c)}${r}`;
    const next: DoubleCell = { ...(sheet.cells.get(address) ?? {}), ...change };
    for (const key of Object.keys(next) as Array<keyof DoubleCell>) if (next[key] === undefined) delete next[key];
    if (Object.keys(next).length) sheet.cells.set(address, next);
    else sheet.cells.delete(address);
  };
  const cellsOf = (areas: Area[]) => {
    const out: Array<[number, number]> = [];
    for (const a of areas) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) out.push([r, c]);
    return out;
  };
  /** What WPS does with a value written: text stays text in a text cell; numeric text becomes a number. */
  const typed = (sheet: Sheet, r: number, c: number, value: unknown): Partial<DoubleCell> => {
    const base = { formula: undefined, error: undefined };
    if (value === "" || value === null || value === undefined) return { ...base, value: undefined };
    if (typeof value === "string" && value.startsWith("=")) throw new Error("the double evaluates no formulas");
    if (typeof value === "string" && cellAt(sheet, r, c).format !== "@" && /^-?\d{1,15}(\.\d+)?$/.test(value))
      return { ...base, value: Number(value) };
    return { ...base, value: value as string | number | boolean };
  };
  const value2 = (cell: DoubleCell): unknown => (cell.error ? CVERR[cell.error] : cell.value);
  const text = (cell: DoubleCell): string => {
    if (cell.error) return cell.error;
    if (typeof cell.value === "number" && /y/.test(cell.format ?? "")) return serialDate(cell.value);
    if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
    return cell.value === undefined ? "" : String(cell.value);
  };
  const uniform = <T>(values: T[]): T | null => (values.every((v) => v === values[0]) ? (values[0] as T) : null);

  function comment(sheet: Sheet, r: number, c: number) {
    return {
      Text(next?: string): string {
        tick();
        if (next !== undefined) {
          guard(sheet);
          put(sheet, r, c, { comment: next });
          changed();
        }
        return cellAt(sheet, r, c).comment ?? "";
      },
      Delete() {
        tick();
        guard(sheet);
        put(sheet, r, c, { comment: undefined });
        changed();
      },
      get Parent() {
        tick();
        return range(sheet, [{ r0: r, r1: r, c0: c, c1: c }]);
      },
    };
  }

  function range(sheet: Sheet, areas: Area[]): unknown {
    const first = areas[0] as Area;
    const single = areas.length === 1 && first.r0 === first.r1 && first.c0 === first.c1;
    const grid = <T>(of: (cell: DoubleCell) => T): T | T[][] => {
      if (single) return of(cellAt(sheet, first.r0, first.c0));
      const rows: T[][] = [];
      for (let r = first.r0; r <= first.r1; r++) {
        const line: T[] = [];
        for (let c = first.c0; c <= first.c1; c++) line.push(of(cellAt(sheet, r, c)));
        rows.push(line);
      }
      return rows;
    };
    const write = (value: unknown) => {
      guard(sheet);
      if (!Array.isArray(value)) {
        for (const [r, c] of cellsOf(areas)) put(sheet, r, c, typed(sheet, r, c, value));
      } else {
        const rows = (Array.isArray(value[0]) ? value : [value]) as unknown[][];
        const height = first.r1 - first.r0 + 1;
        const width = first.c1 - first.c0 + 1;
        if (rows.length < height || rows.some((row) => row.length < width))
          throw new Error(`Value2: a ${rows.length}-row array does not fill a ${height}×${width} range`);
        for (let r = 0; r < height; r++)
          for (let c = 0; c < width; c++) put(sheet, first.r0 + r, first.c0 + c, typed(sheet, first.r0 + r, first.c0 + c, rows[r]?.[c]));
      }
      changed();
    };
    const self = {
      get Row() {
        tick();
        return first.r0;
      },
      get Column() {
        tick();
        return first.c0 + 1;
      },
      get Rows() {
        tick();
        return { Count: first.r1 - first.r0 + 1 };
      },
      get Columns() {
        tick();
        return {
          Count: first.c1 - first.c0 + 1,
          Item(i: number) {
            tick();
            return range(sheet, [{ ...first, c0: first.c0 + i - 1, c1: first.c0 + i - 1 }]);
          },
          AutoFit() {
            tick();
            return true;
          },
        };
      },
      get Cells() {
        tick();
        return {
          Item(r: number, c: number) {
            tick();
            const row = first.r0 + r - 1;
            const col = first.c0 + c - 1;
            return range(sheet, [{ r0: row, r1: row, c0: col, c1: col }]);
          },
        };
      },
      Resize(height: number, width: number) {
        tick();
        return range(sheet, [{ r0: first.r0, r1: first.r0 + height - 1, c0: first.c0, c1: first.c0 + width - 1 }]);
      },
      Address(rowAbsolute = true, columnAbsolute = true) {
        tick();
        return areas.map((a) => areaAddress(a, rowAbsolute && columnAbsolute)).join(",");
      },
      get Value2() {
        tick();
        return grid(value2);
      },
      set Value2(value: unknown) {
        tick();
        write(value);
      },
      get Formula() {
        tick();
        return grid((cell) => cell.formula ?? (cell.value === undefined ? "" : String(cell.value)));
      },
      get Text() {
        tick();
        return single ? text(cellAt(sheet, first.r0, first.c0)) : uniform(cellsOf([first]).map(([r, c]) => text(cellAt(sheet, r, c))));
      },
      get NumberFormat(): string | null {
        tick();
        return uniform(cellsOf(areas).map(([r, c]) => cellAt(sheet, r, c).format ?? "General"));
      },
      set NumberFormat(format: string | null) {
        tick();
        guard(sheet);
        for (const [r, c] of cellsOf(areas)) put(sheet, r, c, { format: format === "General" || format === null ? undefined : format });
        changed();
      },
      get Interior() {
        tick();
        const fills = () => cellsOf(areas).map(([r, c]) => cellAt(sheet, r, c).fill);
        return {
          get Color() {
            tick();
            return uniform(fills().map((f) => f ?? WHITE));
          },
          set Color(colour: unknown) {
            tick();
            if (typeof colour !== "number") throw new TypeError("Interior.Color: 类型不匹配 (a BGR number)");
            guard(sheet);
            for (const [r, c] of cellsOf(areas)) put(sheet, r, c, { fill: colour });
            changed();
          },
          get ColorIndex(): number | null {
            tick();
            return uniform(fills().map((f) => (f === undefined ? XL_NONE : f === WHITE ? 2 : 56)));
          },
          set ColorIndex(index: number | null) {
            tick();
            if (index !== XL_NONE) throw new Error("the double takes ColorIndex xlNone only");
            guard(sheet);
            for (const [r, c] of cellsOf(areas)) put(sheet, r, c, { fill: undefined });
            changed();
          },
        };
      },
      get Font() {
        tick();
        return {
          set Bold(bold: boolean) {
            tick();
            for (const [r, c] of cellsOf(areas)) put(sheet, r, c, { bold });
          },
        };
      },
      get Validation() {
        tick();
        return {
          Delete() {
            tick();
            for (const [r, c] of cellsOf(areas)) put(sheet, r, c, { list: undefined });
          },
          Add(type: number, _alert: number, _operator: number, formula1: string) {
            tick();
            if (type !== 3) throw new Error("the double takes list validation only");
            for (const [r, c] of cellsOf(areas)) put(sheet, r, c, { list: formula1 });
          },
        };
      },
      AddComment(content: string) {
        tick();
        if (!single) throw new Error("AddComment: 只能对单个单元格添加批注");
        guard(sheet);
        if (cellAt(sheet, first.r0, first.c0).comment !== undefined) throw new Error("AddComment: 该单元格已有批注");
        put(sheet, first.r0, first.c0, { comment: content });
        changed();
        return comment(sheet, first.r0, first.c0);
      },
      get Comment() {
        tick();
        return cellAt(sheet, first.r0, first.c0).comment === undefined ? null : comment(sheet, first.r0, first.c0);
      },
      Select() {
        tick();
        if (state.active !== sheet.name) throw new Error("Range.Select: 只能选择活动工作表上的区域");
        state.selected = { sheet: sheet.name, address: areas.map((a) => areaAddress(a, false)).join(",") };
        changed();
        return true;
      },
    };
    return self;
  }

  function worksheet(sheet: Sheet): unknown {
    return {
      get Name() {
        tick();
        return sheet.name;
      },
      set Name(name: string) {
        tick();
        if (sheets.has(name)) throw new Error(`工作表名称“${name}”已被占用`);
        sheets.delete(sheet.name);
        if (state.active === sheet.name) state.active = name;
        sheet.name = name;
        sheets.set(name, sheet);
      },
      get UsedRange() {
        tick();
        const bounds = { r0: Infinity, r1: -Infinity, c0: Infinity, c1: -Infinity };
        for (const address of sheet.cells.keys()) {
          const a = parseArea(address);
          bounds.r0 = Math.min(bounds.r0, a.r0);
          bounds.r1 = Math.max(bounds.r1, a.r0);
          bounds.c0 = Math.min(bounds.c0, a.c0);
          bounds.c1 = Math.max(bounds.c1, a.c0);
        }
        return range(sheet, [sheet.cells.size ? bounds : { r0: 1, r1: 1, c0: 0, c1: 0 }]);
      },
      Range(address: string) {
        tick();
        if (address.length > 255) throw new Error("Range: 引用超过 255 个字符");
        return range(sheet, address.split(",").map(parseArea));
      },
      get Cells() {
        tick();
        return {
          Item(r: number, c: number) {
            tick();
            return range(sheet, [{ r0: r, r1: r, c0: c - 1, c1: c - 1 }]);
          },
        };
      },
      Activate() {
        tick();
        state.active = sheet.name;
        changed();
      },
      get Comments() {
        tick();
        // The collection as it stands when taken (a host that adds or deletes comments takes it again).
        const taken = [...sheet.cells].filter(([, c]) => c.comment !== undefined).map(([a]) => parseArea(a));
        const list = () => taken;
        return {
          get Count() {
            tick();
            return list().length;
          },
          Item(i: number) {
            tick();
            const at = list()[i - 1];
            if (!at) throw new Error("Comments.Item: 下标越界");
            return comment(sheet, at.r0, at.c0);
          },
        };
      },
    };
  }

  const worksheets = {
    get Count() {
      tick();
      return sheets.size;
    },
    Item(index: number | string) {
      tick();
      const sheet = typeof index === "number" ? [...sheets.values()][index - 1] : sheets.get(index);
      if (!sheet) throw new Error(`Worksheets.Item: 下标越界 ${index}`);
      return worksheet(sheet);
    },
    Add(_before?: unknown, _after?: unknown) {
      tick();
      let n = sheets.size + 1;
      while (sheets.has(`Sheet${n}`)) n++;
      const sheet = { name: `Sheet${n}`, cells: new Map<string, DoubleCell>() };
      sheets.set(sheet.name, sheet);
      state.active = sheet.name;
      changed();
      return worksheet(sheet);
    },
  };

  const application = {
    get ActiveSheet() {
      tick();
      return worksheet(sheets.get(state.active) as Sheet);
    },
    get ActiveWorkbook() {
      tick();
      return {
        get Worksheets() {
          tick();
          return worksheets;
        },
      };
    },
    get ScreenUpdating() {
      tick();
      return state.screenUpdating;
    },
    set ScreenUpdating(on: boolean) {
      tick();
      state.screenUpdating = on;
    },
    ApiEvent: {
      AddApiEventListener(name: string, fn: Listener) {
        tick();
        state.listeners.set(name, [...(state.listeners.get(name) ?? []), fn]);
      },
      RemoveApiEventListener(name: string, fn: Listener) {
        tick();
        state.listeners.set(
          name,
          (state.listeners.get(name) ?? []).filter((f) => f !== fn),
        );
      },
    },
    CreateTaskPane(url: string, title?: string) {
      tick();
      const pane = { url, title, Visible: false, ID: state.taskPanes.length + 1 };
      state.taskPanes.push(pane);
      return pane;
    },
    GetTaskPane(id: number) {
      tick();
      return state.taskPanes[id - 1];
    },
    PluginStorage: (() => {
      const items = new Map<string, string>();
      return {
        setItem: (key: string, value: unknown) => items.set(key, String(value)),
        getItem: (key: string) => items.get(key) ?? null,
      };
    })(),
  };

  const sheetOf = (name?: string) => sheets.get(name ?? state.active) as Sheet;
  return {
    /** What the host is handed, as `window.Application`. */
    application,
    get calls() {
      return state.calls;
    },
    get selected() {
      return state.selected;
    },
    get active() {
      return state.active;
    },
    get screenUpdating() {
      return state.screenUpdating;
    },
    get taskPanes() {
      return state.taskPanes;
    },
    sheetNames: () => [...sheets.keys()],
    cell: (address: string, sheet?: string): DoubleCell => sheetOf(sheet).cells.get(address) ?? {},
    cells: (sheet?: string) => Object.fromEntries(sheetOf(sheet).cells),
    /** Seeds or changes a cell without the bridge (the secretary's own work before the pane). */
    set(address: string, cell: DoubleCell, sheet?: string) {
      sheetOf(sheet).cells.set(address, cell);
      changed();
    },
    /** She types a value: the cell changes and `SheetChange` fires, as in WPS. */
    edit(address: string, value: string | number) {
      const sheet = sheetOf();
      const at = parseArea(address);
      put(sheet, at.r0, at.c0, typed(sheet, at.r0, at.c0, value));
      for (const fn of state.listeners.get("SheetChange") ?? []) fn(worksheet(sheet), range(sheet, [at]));
      changed();
    },
    /** The sheet is protected: every change is refused with WPS's message (or this one). */
    protect(message = PROTECTED_MESSAGE, sheet?: string) {
      state.protectedSheets.set(sheetOf(sheet).name, message);
    },
    /** Called after every change (the e2e redraws the sheet). */
    onChange(fn: () => void) {
      state.changed.push(fn);
    },
  };
}

export type WpsDouble = ReturnType<typeof createWpsDouble>;
