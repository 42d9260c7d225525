import { SEVERITY_FILL } from "@xueji/theme/severity";
import { describe, expect, it } from "vitest";
import { type MockCell, MockWorkbook } from "../../test/mock-excel";
import { OfficeHost } from "./office-host";
import type { Mark } from "./sheet-host";

const options = { fills: SEVERITY_FILL, notePrefix: "学籍核对" };

/** A roster of `rows` data rows under a header, 学号 stored as numbers with a text ID column. */
function roster(rows: number, apiSet = "1.18"): MockWorkbook {
  const book = new MockWorkbook("名单", apiSet);
  ["学号", "姓名", "身份证号", "性别"].forEach((h, i) => {
    book.set(`${"ABCD"[i]}1`, { value: h, type: "string" });
  });
  for (let r = 2; r <= rows + 1; r++) {
    book.set(`A${r}`, { value: 2021000000 + r, type: "number" });
    book.set(`B${r}`, { value: `学生${r}`, type: "string" });
    book.set(`C${r}`, { value: "11010519491231002X", type: "string", format: "@" });
    book.set(`D${r}`, { value: r % 2 ? "男" : "女", type: "string" });
  }
  return book;
}

/** Every cell as a secretary sees it: value, type, format, fill, note and comment. */
function sheetState(book: MockWorkbook) {
  return Object.fromEntries(
    [...book.cells].map(([a, c]) => [a, JSON.stringify([c.value, c.type, c.format, c.fill ?? null, c.note, c.comment?.content])]),
  );
}

describe("OfficeHost against office-addin-mock", () => {
  it("reads the used range in blocks under the request budget, one sync per block", async () => {
    const book = roster(5_000);
    const host = new OfficeHost(book.api(), { ...options, requestBytes: 100_000 });
    const grid = await host.readUsedRange();
    expect(grid).toHaveLength(5_001);
    expect(grid[1]?.cells[0]).toEqual({ value: 2021000002, type: "number" });
    expect(grid[1]?.cells[2]).toEqual({ value: "11010519491231002X", type: "string", format: "@" });
    expect(host.stats.blocks).toBeGreaterThan(5);
    // One sync for the used range, then one per block — never one per row.
    expect(book.syncs).toBe(1 + host.stats.blocks);
    expect(host.stats.syncs).toBe(book.syncs);
    // The first block is a guess; every later one is sized from measured bytes and stays near the budget.
    for (const bytes of host.stats.bytesPerRequest.slice(1)) expect(bytes).toBeLessThanOrEqual(110_000);
  });

  it("reads an oversized block again in halves instead of taking null values for an empty sheet", async () => {
    const book = roster(400);
    book.maxCellsPerRead = 300;
    const host = new OfficeHost(book.api(), { ...options, requestBytes: 5_000_000 });
    const grid = await host.readUsedRange();
    expect(grid).toHaveLength(401);
    expect(host.stats.retries).toBeGreaterThan(0);
    expect(grid.at(-1)?.row).toBe(401);
  });

  it("marks per block with one fill per severity, and clearing restores the original fills exactly", async () => {
    const book = roster(3_000);
    book.set("B7", { value: "学生7", type: "string", fill: "#00FF00" });
    const before = new Map([...book.cells].map(([a, c]) => [a, c.fill ?? null]));
    const host = new OfficeHost(book.api(), { ...options, cellsPerBlock: 500 });
    await host.readUsedRange();
    const marks = Array.from({ length: 1_500 }, (_, i) => ({
      row: 2 + i,
      column: "C",
      severity: (["error", "warning", "info"] as const)[i % 3] as "error" | "warning" | "info",
      message: `问题 ${i}`,
    }));
    marks.push(
      { row: 7, column: "B", severity: "warning", message: "姓名含空格" },
      { row: 7, column: "B", severity: "error", message: "姓名含数字" },
    );
    const syncsBefore = book.syncs;
    await host.mark(marks);
    // 1,501 cells in blocks of 500: 4 blocks, 4 + 1 syncs (each block's fills are read with the previous write).
    expect(host.stats.blocks).toBe(4);
    expect(book.syncs - syncsBefore).toBe(5);
    expect(book.fillOf("C2")).toBe(SEVERITY_FILL.error);
    expect(book.fillOf("C3")).toBe(SEVERITY_FILL.warning);
    expect(book.fillOf("C4")).toBe(SEVERITY_FILL.info);
    // The worst severity wins; both messages go into the note.
    expect(book.fillOf("B7")).toBe(SEVERITY_FILL.error);
    expect(book.cells.get("B7")?.note).toContain("姓名含数字");
    expect(book.cells.get("B7")?.note).toContain("姓名含空格");
    expect(book.screenSuspensions).toBeGreaterThan(0);

    await host.clearMarks();
    const after = new Map([...book.cells].map(([a, c]) => [a, c.fill ?? null]));
    expect(after).toEqual(before);
    expect(book.fillOf("B7")).toBe("#00FF00");
    expect([...book.cells.values()].filter((c) => c.note)).toEqual([]);
    // Notes where ExcelApi 1.18 has them; no comments then.
    expect(host.capabilities.comments).toBe(false);
    expect(book.comments()).toEqual({});
  });

  it("checking twice keeps the secretary's fills as the ones to restore", async () => {
    const book = roster(5);
    book.set("B3", { value: "学生3", type: "string", fill: "#00FF00" });
    const host = new OfficeHost(book.api(), options);
    const mark = [{ row: 3, column: "B", severity: "error" as const, message: "姓名含数字" }];
    await host.readUsedRange();
    await host.mark(mark);
    // A second check, as the pane runs it: clear, read, mark.
    await host.clearMarks();
    await host.readUsedRange();
    await host.mark(mark);
    expect(book.fillOf("B3")).toBe(SEVERITY_FILL.error);
    await host.clearMarks();
    expect(book.fillOf("B3")).toBe("#00FF00");
  });

  it("keeps a note the secretary wrote", async () => {
    const book = roster(5);
    book.set("B3", { value: "学生3", type: "string", note: "已电话核实" });
    const host = new OfficeHost(book.api(), options);
    await host.readUsedRange();
    await host.mark([{ row: 3, column: "B", severity: "error", message: "姓名含数字" }]);
    expect(book.cells.get("B3")?.note).toBe("已电话核实");
    await host.clearMarks();
    expect(book.cells.get("B3")?.note).toBe("已电话核实");
  });

  it("turns every light-up off on an ExcelApi 1.1 host and still marks, clears, selects and writes", async () => {
    const book = roster(50, "1.1");
    const host = new OfficeHost(book.api(), options);
    expect(host.capabilities).toEqual({
      rangeAreas: false,
      notes: false,
      comments: false,
      dropdowns: false,
      suspendScreenUpdating: false,
      editsWorkbook: true,
    });
    await host.readUsedRange();
    // The mock throws if a 1.8+ API is touched, so these passing proves the 1.1 paths.
    await host.mark([{ row: 4, column: "A", severity: "error", message: "学号不存在" }]);
    expect(book.fillOf("A4")).toBe(SEVERITY_FILL.error);
    // Neither a note nor a comment: the message is in the pane only.
    expect(book.comments()).toEqual({});
    expect(book.cells.get("A4")?.note).toBeUndefined();
    await host.clearMarks();
    expect(book.fillOf("A4")).toBeNull();
    await host.select({ row: 9, column: "C" });
    expect(book.selected).toBe("C9");
    await host.writeValues([{ row: 5, column: "A", value: "2021000005", format: "@" }]);
    expect(book.cells.get("A5")).toMatchObject({ value: "2021000005", type: "string", format: "@" });
    await host.addSheet({
      name: "在校生",
      headers: ["学号", "姓名"],
      textColumns: [0],
      rows: [["0101", "张三"]],
      dropdowns: [{ column: 1, values: ["男", "女"] }],
      spareRows: 5,
    });
    expect(book.sheetsAdded).toEqual(["在校生"]);
    expect(book.screenSuspensions).toBe(0);
  });

  it("writes fixes in blocks with screen updating suspended where supported", async () => {
    const book = roster(10);
    const host = new OfficeHost(book.api(), { ...options, cellsPerBlock: 4 });
    await host.readUsedRange();
    const before = book.syncs;
    await host.writeValues(Array.from({ length: 10 }, (_, i) => ({ row: 2 + i, column: "D", value: "女" })));
    // One per block, plus one to learn the first block's formulas (the next block's come with each write).
    expect(book.syncs - before).toBe(4);
    expect(book.screenSuspensions).toBe(3);
    expect(host.lastCorrection).toEqual({ fixed: 10, formulaCells: [] });
  });

  it("leaves a cell that holds a formula as it is and names it, in the same bounded syncs", async () => {
    const book = roster(10);
    // 性别 looked up from another sheet in D3 and D8: fixing the value would replace the lookup.
    book.set("D3", { value: "男 ", type: "string", formula: "=VLOOKUP(A3,学生!A:D,4,FALSE)" });
    book.set("D8", { value: "女 ", type: "string", formula: '=TRIM(学生!D8)&" "' });
    const host = new OfficeHost(book.api(), { ...options, cellsPerBlock: 4 });
    await host.readUsedRange();
    const before = book.syncs;
    await host.writeValues(Array.from({ length: 10 }, (_, i) => ({ row: 2 + i, column: "D", value: "女", format: "@" })));
    expect(book.syncs - before).toBe(4);
    expect(book.cells.get("D3")).toEqual({ value: "男 ", type: "string", formula: "=VLOOKUP(A3,学生!A:D,4,FALSE)" });
    expect(book.cells.get("D8")?.formula).toBe('=TRIM(学生!D8)&" "');
    expect(book.cells.get("D8")?.value).toBe("女 ");
    expect(book.cells.get("D4")).toMatchObject({ value: "女", format: "@" });
    expect(host.lastCorrection).toEqual({ fixed: 8, formulaCells: ["D3", "D8"] });
  });

  it("names the formula cells among the fixes before anything is written, for the preview, in one sync per block", async () => {
    const book = roster(10);
    book.set("D3", { value: "男 ", type: "string", formula: "=VLOOKUP(A3,学生!A:D,4,FALSE)" });
    book.set("D8", { value: "女 ", type: "string", formula: '=TRIM(学生!D8)&" "' });
    const host = new OfficeHost(book.api(), { ...options, cellsPerBlock: 4 });
    await host.readUsedRange();
    const before = book.syncs;
    const cells = Array.from({ length: 10 }, (_, i) => ({ row: 2 + i, column: "D" }));
    expect(await host.formulaCells(cells)).toEqual(["D3", "D8"]);
    expect(book.syncs - before).toBe(3);
    expect(book.cells.get("D3")?.formula).toBe("=VLOOKUP(A3,学生!A:D,4,FALSE)");
  });

  it("puts the messages as comments on ExcelApi 1.10–1.17, and clearing deletes only the pane's", async () => {
    const book = roster(3_000, "1.10");
    book.comment("B7", "请核实姓名（王老师）");
    book.comment("D30", "已转专业");
    const fillsBefore = new Map([...book.cells].map(([a, c]) => [a, c.fill ?? null]));
    const host = new OfficeHost(book.api(), { ...options, cellsPerBlock: 500 });
    expect(host.capabilities).toMatchObject({ notes: false, comments: true, rangeAreas: true });
    await host.readUsedRange();
    const marks: Mark[] = Array.from({ length: 1_500 }, (_, i) => ({ row: 2 + i, column: "C", severity: "error", message: `问题 ${i}` }));
    marks.push({ row: 7, column: "B", severity: "warning", message: "姓名含空格" });
    const syncsBefore = book.syncs;
    await host.mark(marks);
    // 1,501 cells in 4 blocks: one sync per block, one for the first block's fills and the sheet's
    // comments, and one for where the secretary's comments are — never one per cell.
    expect(host.stats.blocks).toBe(4);
    expect(book.syncs - syncsBefore).toBe(6);
    expect(book.comments().C2).toBe("学籍核对：\n• 问题 0");
    expect(Object.keys(book.comments())).toHaveLength(1_500 + 2);
    // Her comment on a marked cell stays hers; the cell is still filled.
    expect(book.comments().B7).toBe("请核实姓名（王老师）");
    expect(book.fillOf("B7")).toBe(SEVERITY_FILL.warning);
    expect(book.cells.get("C2")?.note).toBeUndefined();

    // She deletes one of the pane's comments by hand; clearing still works and touches nothing of hers.
    book.set("C9", { ...(book.cells.get("C9") as MockCell), comment: undefined });
    const clearBefore = book.syncs;
    await host.clearMarks();
    expect(book.syncs - clearBefore).toBe(1 + host.stats.blocks);
    expect(book.comments()).toEqual({ B7: "请核实姓名（王老师）", D30: "已转专业" });
    expect(new Map([...book.cells].map(([a, c]) => [a, c.fill ?? null]))).toEqual(fillsBefore);
  });

  it("checking twice on 1.10 updates the pane's comments rather than adding a second thread", async () => {
    const book = roster(5, "1.10");
    const host = new OfficeHost(book.api(), options);
    await host.readUsedRange();
    await host.mark([{ row: 3, column: "B", severity: "error", message: "姓名含数字" }]);
    await host.mark([{ row: 3, column: "B", severity: "error", message: "姓名含字母" }]);
    expect(book.comments()).toEqual({ B3: "学籍核对：\n• 姓名含字母" });
    await host.clearMarks();
    expect(book.comments()).toEqual({});
  });

  it("on 1.10, a cell with an old-style note takes no comment: marking finishes and clearing restores the sheet exactly", async () => {
    const book = roster(10, "1.10");
    book.set("C4", { ...(book.cells.get("C4") as MockCell), note: "已电话核实" });
    const before = sheetState(book);
    const host = new OfficeHost(book.api(), options);
    await host.readUsedRange();
    const marks = [2, 3, 4, 5, 6].map((row) => ({ row, column: "C", severity: "error" as const, message: `第 ${row} 行身份证号有误` }));
    await host.mark(marks);
    // Excel refused the comment on C4; the two added before it are the pane's, the rest of the block goes without.
    expect(Object.keys(book.comments()).sort()).toEqual(["C2", "C3"]);
    expect(book.cells.get("C4")?.note).toBe("已电话核实");
    for (const row of [2, 3, 4, 5, 6]) expect(book.fillOf(`C${row}`)).toBe(SEVERITY_FILL.error);
    await host.clearMarks();
    expect(sheetState(book)).toEqual(before);
  });
});

describe("OfficeHost keeps the secretary's work when clearing", () => {
  const errors = (rows: number[], column = "C"): Mark[] =>
    rows.map((row) => ({ row, column, severity: "error", message: `第 ${row} 行身份证号有误` }));

  it("on 1.18, a note of ours she deleted by hand does not fail clearing; her notes and an edited one stay", async () => {
    const book = roster(3_000);
    book.set("D5", { ...(book.cells.get("D5") as MockCell), note: "休学一年" });
    book.set("C12", { ...(book.cells.get("C12") as MockCell), note: "已电话核实" });
    const before = sheetState(book);
    const host = new OfficeHost(book.api(), { ...options, cellsPerBlock: 500 });
    await host.readUsedRange();
    await host.mark(errors(Array.from({ length: 1_500 }, (_, i) => 2 + i)));
    expect(book.cells.get("C9")?.note).toBe("学籍核对：\n• 第 9 行身份证号有误");
    expect(book.cells.get("C12")?.note).toBe("已电话核实");

    // By hand: she deletes the note on C9, and writes her own words into the note on C10.
    book.set("C9", { ...(book.cells.get("C9") as MockCell), note: undefined });
    const edited = "学籍核对：\n• 第 10 行身份证号有误\n王老师：原件已核对，无误";
    book.set("C10", { ...(book.cells.get("C10") as MockCell), note: edited });
    const clearBefore = book.syncs;
    expect(await host.clearMarks()).toEqual({ kept: 1 });
    // One sync for the first block's notes, then one per block — never one per note.
    expect(host.stats.blocks).toBe(3);
    expect(book.syncs - clearBefore).toBe(1 + host.stats.blocks);
    expect(sheetState(book)).toEqual({ ...before, C10: JSON.stringify(["11010519491231002X", "string", "@", null, edited, undefined]) });
  });

  it("on 1.18, a cell with her comment thread gets the fill but no note (Excel allows one or the other)", async () => {
    const book = roster(10);
    book.comment("C5", "请核实（王老师）");
    const before = sheetState(book);
    const host = new OfficeHost(book.api(), options);
    await host.readUsedRange();
    const syncs = book.syncs;
    await host.mark(errors([2, 3, 4, 5, 6]));
    // One sync for the block, one for the fills and the sheet's comments, one for where they are.
    expect(book.syncs - syncs).toBe(3);
    expect(book.fillOf("C5")).toBe(SEVERITY_FILL.error);
    expect(book.cells.get("C5")?.note).toBeUndefined();
    expect(book.cells.get("C6")?.note).toBe("学籍核对：\n• 第 6 行身份证号有误");
    expect(await host.clearMarks()).toEqual({ kept: 0 });
    expect(sheetState(book)).toEqual(before);
  });

  it("on 1.18, checking again after she deleted or replaced a note of ours rewrites only the pane's", async () => {
    const book = roster(10);
    const host = new OfficeHost(book.api(), options);
    await host.readUsedRange();
    await host.mark(errors([2, 3, 4]));
    book.set("C2", { ...(book.cells.get("C2") as MockCell), note: undefined });
    book.set("C3", { ...(book.cells.get("C3") as MockCell), note: "这一行没问题" });
    await host.mark(errors([2, 3, 4]).map((m) => ({ ...m, message: `${m.message}（第二次）` })));
    expect(book.cells.get("C2")?.note).toBe("学籍核对：\n• 第 2 行身份证号有误（第二次）");
    expect(book.cells.get("C3")?.note).toBe("这一行没问题");
    expect(book.cells.get("C4")?.note).toBe("学籍核对：\n• 第 4 行身份证号有误（第二次）");
    // C3 was hers before the second check: not ours, so not counted either.
    expect(await host.clearMarks()).toEqual({ kept: 0 });
    expect([...book.cells].filter(([, c]) => c.note).map(([a, c]) => [a, c.note])).toEqual([["C3", "这一行没问题"]]);
  });

  it("on 1.10, a comment thread she replied to is kept whole (fill restored) and counted; the others go", async () => {
    const book = roster(10, "1.10");
    book.comment("D6", "已转专业");
    const before = sheetState(book);
    const host = new OfficeHost(book.api(), options);
    await host.readUsedRange();
    await host.mark(errors([2, 3, 4, 5]));
    book.reply("C3", "已让学生补交身份证复印件");
    const ourWords = book.comments().C3;
    // She edits the text of another of ours: her words, kept too.
    book.set("C5", {
      ...(book.cells.get("C5") as MockCell),
      comment: { id: book.cells.get("C5")?.comment?.id as string, content: "核对中" },
    });
    const clearBefore = book.syncs;
    expect(await host.clearMarks()).toEqual({ kept: 2 });
    expect(book.syncs - clearBefore).toBe(2);
    expect(book.comments()).toEqual({ C3: ourWords, C5: "核对中", D6: "已转专业" });
    expect(book.cells.get("C3")?.comment?.replies).toEqual(["已让学生补交身份证复印件"]);
    // Every other cell exactly as before; the kept two differ only by their thread.
    const { C3, C5, ...rest } = sheetState(book);
    expect(rest).toEqual(Object.fromEntries(Object.entries(before).filter(([a]) => a !== "C3" && a !== "C5")));
    for (const row of [2, 3, 4, 5]) expect(book.fillOf(`C${row}`)).toBeNull();

    // Checked again: the kept threads are hers now — not rewritten, not deleted at the next clear.
    await host.readUsedRange();
    await host.mark(errors([2, 3, 4, 5]));
    expect(book.comments().C3).toBe(ourWords);
    expect(book.fillOf("C3")).toBe(SEVERITY_FILL.error);
    expect(await host.clearMarks()).toEqual({ kept: 0 });
    expect(book.comments()).toEqual({ C3: ourWords, C5: "核对中", D6: "已转专业" });
  });
});
