import type { Severity } from "@xueji/shared";
import { SEVERITY_FILL } from "@xueji/theme/severity";
import { describe, expect, it } from "vitest";
import { createWpsDouble, type DoubleCell } from "../../test/wps-double";
import { bgr, CVERR, hexOf, type WpsApplication, WpsHost } from "./wps-host";

const options = { fills: SEVERITY_FILL, notePrefix: "学籍核对" };

function roster(rows: number) {
  const cells: Record<string, DoubleCell> = {};
  ["学号", "姓名", "身份证号", "性别", "出生日期", "专业"].forEach((h, i) => {
    cells[`${"ABCDEF"[i]}1`] = { value: h };
  });
  for (let r = 2; r <= rows + 1; r++) {
    cells[`A${r}`] = { value: 2021000000 + r };
    cells[`B${r}`] = { value: `学生${r}` };
    cells[`C${r}`] = { value: "11010519491231002X", format: "@" };
    cells[`D${r}`] = { value: r % 2 ? "男" : "女" };
    cells[`E${r}`] = { value: 38000 + (r % 300), format: "yyyy-mm-dd" };
    cells[`F${r}`] = { value: "计算机科学与技术" };
  }
  const wps = createWpsDouble({ sheets: [{ name: "名单", cells }] });
  return { wps, host: new WpsHost(wps.application as unknown as WpsApplication, { ...options, cellsPerRead: 12_000 }) };
}

describe("WpsHost on the WPS double", () => {
  it("reads in 2-D Value2 blocks: bridge calls grow with blocks, not with cells", async () => {
    const small = roster(2_000);
    const before = small.wps.calls;
    await small.host.readUsedRange();
    const smallCalls = small.wps.calls - before;
    const large = roster(20_000);
    const grid = await large.host.readUsedRange();
    const largeCalls = large.wps.calls;
    expect(grid).toHaveLength(20_001);
    expect(grid[20_000]?.cells[4]).toEqual({ value: 38000 + (20_001 % 300), type: "number", format: "yyyy-mm-dd" });
    // 120,006 cells in blocks of 12,000 cells: 11 blocks, each a few dozen calls at most (Value2, and the
    // formats per column where the header row makes them mixed).
    expect(large.host.stats.blocks).toBe(11);
    expect(largeCalls).toBeLessThan(large.host.stats.blocks * 60);
    // Ten times the rows costs no more than ten times the blocks' calls: never a call per row.
    expect(largeCalls).toBeLessThan(smallCalls * 12);
    expect(largeCalls).toBeLessThan(20_000);
  });

  it("takes a one-cell sheet's scalar and a one-row sheet's 2-D array alike", async () => {
    const sheets: Array<Record<string, DoubleCell>> = [
      { B2: { value: "学号" } },
      { B2: { value: "学号" }, C2: { value: 7 }, D2: { value: true } },
    ];
    for (const cells of sheets) {
      const wps = createWpsDouble({ sheets: [{ name: "Sheet1", cells }] });
      const value2 = (wps.application.ActiveSheet as unknown as { UsedRange: { Value2: unknown } }).UsedRange.Value2;
      expect(Array.isArray(value2)).toBe(Object.keys(cells).length > 1);
      const grid = await new WpsHost(wps.application as unknown as WpsApplication, options).readUsedRange();
      expect(grid).toHaveLength(1);
      expect(grid[0]?.row).toBe(2);
      expect(grid[0]?.cells[1]).toEqual({ value: "学号", type: "string" });
      if (Object.keys(cells).length > 1)
        expect(grid[0]?.cells.slice(2)).toEqual([
          { value: 7, type: "number" },
          { value: true, type: "boolean" },
        ]);
    }
  });

  it("reads a formula error as its text through Range.Text, and only that cell by itself", async () => {
    const wps = createWpsDouble({
      sheets: [
        { name: "Sheet1", cells: { A1: { value: 1 }, B1: { error: "#N/A" }, A2: { value: (CVERR.values().next().value as number) - 1 } } },
      ],
    });
    const range = (wps.application.ActiveSheet as unknown as { Range(a: string): { Value2: unknown } }).Range("B1");
    expect(range.Value2).toBe(-2146826246);
    const grid = await new WpsHost(wps.application as unknown as WpsApplication, options).readUsedRange();
    expect(grid[0]?.cells[1]).toEqual({ value: "#N/A", type: "error" });
    expect(grid[1]?.cells[0]?.type).toBe("number");
  });

  it("paints BGR numbers over comma-joined areas, and tells no fill from a white fill when restoring", async () => {
    const { wps, host } = roster(3_000);
    wps.set("B5", { value: "学生5", fill: 0xffffff });
    await host.readUsedRange();
    const marks = Array.from({ length: 2_000 }, (_, i) => ({
      row: 2 + i,
      column: "C",
      severity: "error" as Severity,
      message: "身份证号校验位不对",
    }));
    marks.push({ row: 5, column: "B", severity: "warning", message: "姓名含空格" });
    const before = wps.calls;
    await host.mark(marks);
    expect(wps.cell("C2").fill).toBe(bgr(SEVERITY_FILL.error));
    expect(hexOf(wps.cell("C2").fill as number)).toBe(SEVERITY_FILL.error.toUpperCase());
    // Fills: a few calls per run and per colour; comments: one AddComment per cell (WPS has no batch).
    expect(wps.calls - before).toBeLessThan(2_001 * 3 + 60);
    await host.clearMarks();
    expect(wps.cell("C2").fill).toBeUndefined();
    expect(wps.cell("B5").fill).toBe(0xffffff);
    expect(wps.cell("C2").comment).toBeUndefined();
    expect(wps.screenUpdating).toBe(true);
  });

  it("refuses a colour that is not a BGR number, as WPS does (the double keeps the host honest)", () => {
    const wps = createWpsDouble({ sheets: [{ name: "Sheet1", cells: {} }] });
    const sheet = wps.application.ActiveSheet as unknown as { Range(a: string): { Interior: { Color: unknown } } };
    expect(() => {
      sheet.Range("A1").Interior.Color = "#FDE7E9";
    }).toThrow(/类型不匹配/);
  });

  it("takes over a comment an earlier pane left (it starts with the prefix), and keeps screen updating on after a refusal", async () => {
    const wps = createWpsDouble({
      sheets: [{ name: "Sheet1", cells: { A1: { value: "学号" }, A2: { value: 1, comment: "学籍核对：\n• 旧的消息" } } }],
    });
    const host = new WpsHost(wps.application as unknown as WpsApplication, options);
    await host.readUsedRange();
    await host.mark([{ row: 2, column: "A", severity: "error", message: "学号重复" }]);
    expect(wps.cell("A2").comment).toBe("学籍核对：\n• 学号重复");
    await host.clearMarks();
    expect(wps.cell("A2").comment).toBeUndefined();
    wps.protect();
    await expect(host.mark([{ row: 2, column: "A", severity: "error", message: "x" }])).rejects.toThrow(/受保护/);
    expect(wps.screenUpdating).toBe(true);
  });

  it("tells the pane which cells the secretary edited (SheetChange), until unsubscribed", async () => {
    const { wps, host } = roster(5);
    const edits: unknown[] = [];
    const stop = host.onEdit((edit) => edits.push(edit));
    wps.edit("C3", "110105194912310021");
    stop();
    wps.edit("C4", "x");
    expect(edits).toEqual([{ sheet: "名单", address: "C3" }]);
  });

  it("selects on the sheet it read, activating it first", async () => {
    const wps = createWpsDouble({
      sheets: [
        { name: "名单", cells: { A1: { value: "学号" } } },
        { name: "其他", cells: {} },
      ],
    });
    const host = new WpsHost(wps.application as unknown as WpsApplication, options);
    await host.readUsedRange();
    (wps.application.ActiveWorkbook.Worksheets.Item("其他") as { Activate(): void }).Activate();
    await host.select({ row: 1, column: "A" });
    expect(wps.selected).toEqual({ sheet: "名单", address: "A1" });
  });
});
