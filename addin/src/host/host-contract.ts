import { SEVERITY_FILL } from "@xueji/theme/severity";
import { describe, expect, it } from "vitest";
import type { Mark, SheetHost } from "./sheet-host";

/**
 * The behaviour every spreadsheet host behind `SheetHost` owes the pane, whatever the spreadsheet:
 * Office.js (on the Excel mock), WPS 表格 (on the WPS double) and file mode (on the real server's file
 * routes) run the same cases. A host that cannot edit the workbook (file mode) owes the same reading,
 * leaves her file as it is where the others mark and select, writes fixes into a corrected copy and a
 * new sheet into a file of its own. Each host's own test file adds what only it has (request
 * budgets, bridge-call counts, API light-ups).
 */

export const CONTRACT_PREFIX = "学籍核对";

/** A cell as the secretary left it before the pane touched the sheet. */
export interface SeedCell {
  value?: string | number | boolean;
  format?: string;
  /** `#RRGGBB`; absent: no fill. */
  fill?: string;
  /** Her own comment. */
  comment?: string;
  /** A formula: `value` is what it computes. */
  formula?: string;
  /** A formula error's text (`#DIV/0!`). */
  error?: string;
}

/** A fixture's answer: at once from a double, or after reading the file the server wrote. */
type Now<T> = T | Promise<T>;

/**
 * The workbook she sees, and in file mode the file she keeps (after 一键修正 the corrected copy; after
 * 新建核对表 the file downloaded, for `value(…, sheet)` and `sheetNames`).
 */
export interface HostFixture {
  host: SheetHost;
  /** `#RRGGBB` upper-case, or null for no fill. */
  fill(address: string): Now<string | null>;
  comment(address: string): Now<string | null>;
  value(address: string, sheet?: string): Now<unknown>;
  format(address: string): Now<string | undefined>;
  selected(): string | null;
  sheetNames(): Now<string[]>;
  /** The secretary rewrites the comment on a cell (hosts that edit the workbook). */
  editComment(address: string, text: string): void;
  /** She changes a cell outside the pane (file mode: the file checked is replaced by one so changed). */
  edit(address: string, value: string): Now<void>;
  /**
   * The spreadsheet (or the server) refuses every change from now on; what its error says: this
   * message of its own, or the server's words for a file it cannot read.
   */
  refuse(message: string): Now<string | RegExp>;
}

export type MakeFixture = (sheet: string, cells: Record<string, SeedCell>) => Now<HostFixture>;

const SERIAL_2003_09_01 = 37865;

function roster(): Record<string, SeedCell> {
  return {
    A1: { value: "学号" },
    B1: { value: "姓名" },
    C1: { value: "身份证号" },
    D1: { value: "入学日期" },
    E1: { value: "在校" },
    F1: { value: "平均分" },
    A2: { value: 2021001 },
    B2: { value: "张三" },
    C2: { value: "11010519491231002X", format: "@" },
    D2: { value: SERIAL_2003_09_01, format: "yyyy/m/d" },
    E2: { value: true },
    F2: { value: "#DIV/0!", error: "#DIV/0!" },
    A3: { value: 2021002 },
    B3: { value: "李 四", fill: "#00FF00" },
    C3: { value: "1101051949123100", format: "@", comment: "她自己的批注" },
    A4: { value: 2021003 },
    B4: { value: "王五", formula: "=VLOOKUP(A4,名册!A:B,2,FALSE)" },
  };
}

export function describeHostContract(name: string, make: MakeFixture, { editsWorkbook = true } = {}): void {
  describe(`SheetHost contract: ${name}`, () => {
    it("reads the used range as grid rows: numbers, text in a text cell, date serials, booleans, formula errors as their text", async () => {
      const { host } = await make("名单", roster());
      expect(host.capabilities.editsWorkbook).toBe(editsWorkbook);
      const grid = await host.readUsedRange();
      expect(grid.map((r) => r.row)).toEqual([1, 2, 3, 4]);
      const row2 = grid[1]?.cells ?? [];
      expect(row2[0]).toMatchObject({ value: 2021001, type: "number" });
      // A number of no particular format: none said, or Excel's own word for it (the server's reader keeps it).
      expect([undefined, "General"]).toContain(row2[0]?.format);
      expect(row2[1]).toEqual({ value: "张三", type: "string" });
      // Text in a text cell is a string (its "@" format may come with it: WPS reads formats of numbers only).
      expect(row2[2]).toMatchObject({ value: "11010519491231002X", type: "string" });
      expect(row2[3]).toEqual({ value: SERIAL_2003_09_01, type: "number", format: "yyyy/m/d" });
      expect(row2[4]).toEqual({ value: true, type: "boolean" });
      expect(row2[5]).toEqual({ value: "#DIV/0!", type: "error" });
      expect(grid[2]?.cells[1]).toEqual({ value: "李 四", type: "string" });
      expect(await host.sheetName()).toBe("名单");
    });

    it("after reset, reads the sheet afresh", async () => {
      const sheet = await make("名单", roster());
      await sheet.host.readUsedRange();
      await sheet.edit("B2", "张三丰");
      sheet.host.reset();
      expect((await sheet.host.readUsedRange())[1]?.cells[1]).toEqual({ value: "张三丰", type: "string" });
    });

    if (editsWorkbook) {
      it("marks with the severity's fill and a message carrying the pane's prefix; clearing restores her fills and comments", async () => {
        const sheet = await make("名单", roster());
        const { host } = sheet;
        await host.readUsedRange();
        await host.mark(MARKS);
        expect(await sheet.fill("B3")).toBe(SEVERITY_FILL.error.toUpperCase());
        expect(await sheet.fill("C3")).toBe(SEVERITY_FILL.error.toUpperCase());
        expect(await sheet.fill("A2")).toBe(SEVERITY_FILL.info.toUpperCase());
        const ours = (await sheet.comment("B3")) ?? "";
        expect(ours.startsWith(CONTRACT_PREFIX)).toBe(true);
        expect(ours).toContain("姓名含空格");
        expect(ours).toContain("姓名含数字");
        // Her comment stays hers; the message stays in the pane.
        expect(await sheet.comment("C3")).toBe("她自己的批注");
        // Checking twice keeps her fill as the one to restore.
        await host.mark([{ row: 3, column: "B", severity: "info", message: "再查一次" }]);
        const { kept } = await host.clearMarks();
        expect(kept).toBe(0);
        await expectHerOwn(sheet);
      });

      it("clearing keeps a comment of the pane's that she rewrote, and counts it", async () => {
        const sheet = await make("名单", roster());
        await sheet.host.readUsedRange();
        await sheet.host.mark([
          { row: 2, column: "B", severity: "error", message: "姓名含数字" },
          { row: 2, column: "A", severity: "error", message: "学号重复" },
        ]);
        sheet.editComment("B2", "已与学院核实，姓名无误");
        expect(await sheet.host.clearMarks()).toEqual({ kept: 1 });
        expect(await sheet.comment("B2")).toBe("已与学院核实，姓名无误");
        expect(await sheet.comment("A2")).toBeNull();
        expect(await sheet.fill("B2")).toBeNull();
      });

      it("after an edit, reads only the rows asked for and puts back only those rows' marks", async () => {
        const sheet = await make("名单", roster());
        const { host } = sheet;
        await host.readUsedRange();
        await host.mark(MARKS);
        await sheet.edit("B3", "李四");
        const rows = (await host.readRows?.(3, 3)) ?? [];
        expect(rows.map((r) => r.row)).toEqual([3]);
        expect(rows[0]?.cells[1]).toEqual({ value: "李四", type: "string" });
        expect(await host.clearRowMarks?.(new Set([3]))).toEqual({ kept: 0 });
        expect(await sheet.fill("B3")).toBe("#00FF00");
        expect(await sheet.comment("B3")).toBeNull();
        expect(await sheet.comment("C3")).toBe("她自己的批注");
        // Row 2's mark stays until its own row is cleared.
        expect(await sheet.fill("A2")).toBe(SEVERITY_FILL.info.toUpperCase());
        await host.clearMarks();
        expect(await sheet.fill("A2")).toBeNull();
      });

      it("selects a cell", async () => {
        const sheet = await make("名单", roster());
        await sheet.host.readUsedRange();
        await sheet.host.select({ row: 3, column: "C" });
        expect(sheet.selected()).toBe("C3");
      });
    } else {
      it("marks and selects in the pane only: her file keeps her fills and comments, and clearing has nothing to put back", async () => {
        const sheet = await make("名单", roster());
        await sheet.host.readUsedRange();
        await sheet.host.mark(MARKS);
        await sheet.host.select({ row: 3, column: "C" });
        await expectHerOwn(sheet);
        expect(sheet.selected()).toBeNull();
        expect(await sheet.host.clearMarks()).toEqual({ kept: 0 });
      });
    }

    it("writes fixes (text format first), leaves a formula cell alone and names it", async () => {
      const sheet = await make("名单", roster());
      await sheet.host.readUsedRange();
      // The preview lists formula cells apart; file mode's grid marks them itself (`Cell.formula`).
      expect(
        await sheet.host.formulaCells([
          { row: 4, column: "B" },
          { row: 3, column: "B" },
        ]),
      ).toEqual(editsWorkbook ? ["B4"] : []);
      await sheet.host.writeValues([
        { row: 3, column: "B", value: "李四" },
        { row: 4, column: "B", value: "王五" },
        { row: 3, column: "C", value: "110105194912310021", format: "@" },
        { row: 4, column: "C", value: "110105200001010011", format: "@" },
      ]);
      expect(await sheet.value("B3")).toBe("李四");
      expect(await sheet.value("C3")).toBe("110105194912310021");
      expect(await sheet.format("C4")).toBe("@");
      expect(await sheet.value("C4")).toBe("110105200001010011");
      expect(sheet.host.lastCorrection).toEqual({ fixed: 3, formulaCells: ["B4"] });
      // Where the fixes went: the open workbook, or a corrected copy that is checked from now on.
      expect(sheet.host.fixStrategy).toBe(editsWorkbook ? "in-place" : "copy");
      expect(sheet.host.correctedCopy === null).toBe(editsWorkbook);
    });

    it("adds a new sheet with its title, header and rows, named apart from one that exists", async () => {
      const sheet = await make("名单", roster());
      const spec = {
        name: "名单",
        title: "新生名单",
        headers: ["学号", "姓名", "身份证号"],
        textColumns: [0, 2],
        rows: [["2024001", "赵六", "110105200601010011"]],
        dropdowns: [{ column: 1, values: ["男", "女"] }],
        spareRows: 5,
      };
      await sheet.host.addSheet(spec);
      // In the workbook beside 名单; in file mode, a file of its own.
      const added = editsWorkbook ? (await sheet.sheetNames()).find((n) => n.startsWith("名单 (")) : "名单";
      expect(await sheet.sheetNames()).toContain(added);
      if (editsWorkbook) expect(added).toBe("名单 (2)");
      expect(await sheet.value("A1", added)).toBe("新生名单");
      expect(await sheet.value("C2", added)).toBe("身份证号");
      expect(await sheet.value("C3", added)).toBe("110105200601010011");
    });

    it("surfaces the spreadsheet's own refusal as the error's message", async () => {
      const sheet = await make("名单", roster());
      await sheet.host.readUsedRange();
      const said = await sheet.refuse("工作表受保护");
      if (editsWorkbook) {
        await expect(sheet.host.mark([{ row: 2, column: "B", severity: "error", message: "x" }])).rejects.toThrow(said);
      } else {
        sheet.host.reset();
        await expect(sheet.host.readUsedRange()).rejects.toThrow(said);
      }
      await expect(sheet.host.writeValues([{ row: 2, column: "B", value: "y" }])).rejects.toThrow(said);
    });
  });
}

const MARKS: Mark[] = [
  { row: 3, column: "B", severity: "warning", message: "姓名含空格" },
  { row: 3, column: "B", severity: "error", message: "姓名含数字" },
  { row: 3, column: "C", severity: "error", message: "身份证号应为 18 位" },
  { row: 2, column: "A", severity: "info", message: "学号已存在" },
];

/** The roster's fills and comments as she left them: none of the pane's. */
async function expectHerOwn(sheet: HostFixture): Promise<void> {
  expect(await sheet.fill("B3")).toBe("#00FF00");
  expect(await sheet.fill("C3")).toBeNull();
  expect(await sheet.fill("A2")).toBeNull();
  expect(await sheet.comment("B3")).toBeNull();
  expect(await sheet.comment("A2")).toBeNull();
  expect(await sheet.comment("C3")).toBe("她自己的批注");
}
