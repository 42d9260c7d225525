import { SEVERITY_FILL } from "@xueji/theme/severity";
import { describe, expect, it } from "vitest";
import { createWpsDouble, type DoubleCell } from "../../test/wps-double";
import { checkLocally, marksOf } from "../check/check-result";
import { recheckHostRows, rowsOfAddress } from "../check/recheck-rows";
import type { CheckedSheet } from "../ui/check-state";
import { hexOf, type WpsApplication, WpsHost } from "./wps-host";

const TODAY = "2026-09-15";
const options = { today: TODAY, locale: "zh-CN" as const, app: "wps" as const };

/** A valid 18-digit ID (GB 11643-1999's check digit), distinct per n. */
function idNumber(n: number): string {
  const birth = new Date(Date.UTC(2004, 0, 1 + Math.floor(n / 900)));
  const body = `110105${birth.toISOString().slice(0, 10).replace(/-/g, "")}${String((n % 900) + 100).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0);
  return body + "10X98765432"[sum % 11];
}

/** A new-student roster of `rows` students with one name that has a digit (row 4). */
function roster(rows: number) {
  const cells: Record<string, DoubleCell> = {};
  ["学号", "姓名", "身份证号"].forEach((h, i) => {
    cells[`${"ABC"[i]}1`] = { value: h };
  });
  for (let r = 2; r <= rows + 1; r++) {
    cells[`A${r}`] = { value: String(2024000000 + r), format: "@" };
    cells[`B${r}`] = { value: r === 4 ? "学生4" : "张三" };
    cells[`C${r}`] = { value: idNumber(r), format: "@" };
  }
  const wps = createWpsDouble({ sheets: [{ name: "名单", cells }] });
  const host = new WpsHost(wps.application as unknown as WpsApplication, { fills: SEVERITY_FILL, notePrefix: "学籍核对" });
  return { wps, host };
}

async function checkWhole(host: WpsHost): Promise<CheckedSheet> {
  const grid = await host.readUsedRange();
  const result = checkLocally(grid, { ...options, kind: "roster-new", sheetName: "名单" });
  return { result, grid, complete: true, sheetName: "名单", columns: null };
}

/** What the issue list shows, in its order. */
function listed(sheet: CheckedSheet) {
  return sheet.result.issues.map((i) => [i.row, i.column, i.code, i.message]);
}

/** The issues at data rows (the header's stay as they were: the roster lacks columns the template requires). */
function onRows(sheet: CheckedSheet) {
  return sheet.result.issues.filter((i) => (i.row ?? 0) > 1).map((i) => [i.row, i.column, i.code]);
}

/** She edits one cell; the pane re-checks that row as the store does after her pause. */
async function edit(book: ReturnType<typeof roster>, sheet: CheckedSheet, address: string, value: string) {
  book.wps.edit(address, value);
  const { first } = rowsOfAddress(address) ?? { first: 0 };
  const done = await recheckHostRows(book.host, sheet, new Set([first]), options);
  if (!done) throw new Error("the edit should be re-checked by rows");
  return done.sheet;
}

describe("after an edit, only the edited rows are read and checked again", () => {
  it("gives the issue list that checking the whole sheet again gives, duplicates across rows included, and redoes the marks", async () => {
    const book = roster(300);
    let sheet = await checkWhole(book.host);
    await book.host.mark(marksOf(sheet.result.issues));
    expect(onRows(sheet)).toEqual([[4, "B", "name.has-digits"]]);
    expect(book.wps.cell("B4").fill).toBeDefined();

    // A second student number like row 8's: row 30 is the duplicate.
    sheet = await edit(book, sheet, "A30", "2024000008");
    expect(listed(sheet)).toEqual(listed(await checkWhole(freshHost(book))));
    expect(onRows(sheet)).toEqual([
      [4, "B", "name.has-digits"],
      [30, "A", "row.duplicate"],
    ]);
    expect(hexOf(book.wps.cell("A30").fill as number)).toBe(SEVERITY_FILL.error.toUpperCase());

    // Row 8 changes its number: row 30 is no longer a duplicate, though it was not edited; its mark goes.
    sheet = await edit(book, sheet, "A8", "2024009999");
    expect(listed(sheet)).toEqual(listed(await checkWhole(freshHost(book))));
    expect(onRows(sheet)).toEqual([[4, "B", "name.has-digits"]]);
    expect(book.wps.cell("A30").fill).toBeUndefined();

    // She corrects the name; a new student typed below the last row is read and checked too.
    sheet = await edit(book, sheet, "B4", "李四");
    expect(book.wps.cell("B4").fill).toBeUndefined();
    expect(book.wps.cell("B4").comment).toBeUndefined();
    sheet = await edit(book, sheet, "A302", "2024000003");
    expect(listed(sheet)).toEqual(listed(await checkWhole(freshHost(book))));
    expect(onRows(sheet)).toEqual([
      [302, "A", "row.duplicate"],
      [302, "B", "field.required"],
      [302, "C", "field.required"],
    ]);
    expect(sheet.result.dataRows).toBe(301);
  });

  it("bridge calls grow with the edit, not with the sheet", async () => {
    const callsFor = async (rows: number) => {
      const book = roster(rows);
      const sheet = await checkWhole(book.host);
      await book.host.mark(marksOf(sheet.result.issues));
      const before = book.wps.calls;
      await edit(book, sheet, "B20", "王5");
      return book.wps.calls - before;
    };
    const small = await callsFor(200);
    const large = await callsFor(5_000);
    expect(large).toBe(small);
    expect(small).toBeLessThan(40);
  });

  it("takes the rows from the edit's address; whole columns mean the whole sheet", () => {
    expect(rowsOfAddress("C5")).toEqual({ first: 5, last: 5 });
    expect(rowsOfAddress("$C$9:$D$5")).toEqual({ first: 5, last: 9 });
    expect(rowsOfAddress("5:7")).toEqual({ first: 5, last: 7 });
    expect(rowsOfAddress("A:C")).toBeNull();
  });

  it("checks the whole sheet again when the edit reaches the header", async () => {
    const book = roster(20);
    const sheet = await checkWhole(book.host);
    book.wps.edit("B1", "名字");
    expect(await recheckHostRows(book.host, sheet, new Set([1]), options)).toBeNull();
  });
});

/** A fresh host on the same double: the whole sheet read and checked anew, for comparison. */
function freshHost(book: ReturnType<typeof roster>): WpsHost {
  return new WpsHost(book.wps.application as unknown as WpsApplication, { fills: SEVERITY_FILL, notePrefix: "学籍核对" });
}
