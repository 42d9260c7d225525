import { describe, expect, it } from "vitest";
import { type Cell, type GridRow, numberCell, textCell } from "../cell";
import { checkCharacter } from "../fields/id-number";
import { planFixes } from "./fixes";
import { readSheet } from "./reader";

const TODAY = "2026-11-23";
const ID = `43010320050712101${checkCharacter("43010320050712101")}`;
const FULL_WIDTH_ID = ID.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function grid(rows: Array<Array<string | number | Cell>>): GridRow[] {
  return rows.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => (typeof c === "number" ? numberCell(c) : typeof c === "string" ? textCell(c) : c)),
  }));
}

/** The plan for a sheet as the pane makes it: the shared reader, then the plan. */
function plan(rows: GridRow[], extra: Parameters<typeof planFixes>[1] = []) {
  const read = readSheet(rows, { today: TODAY });
  return planFixes(rows, [...read.issues, ...extra], read.rows, read.columns);
}

describe("一键修正's plan (the safe fixes, one plan for Excel, file mode and the CLI)", () => {
  const rows = grid([
    ["学号", "姓名", "性别", "出生日期", "身份证号", "民族", "专业代码"],
    [2025010101, "王  五", "男", "2005/7/12", FULL_WIDTH_ID, "汉", 80901],
  ]);

  it("writes only what the reader derived for certain, each with the format that keeps it", () => {
    const byCell = Object.fromEntries(plan(rows).safe.map((f) => [`${f.column}${f.row}`, f]));
    expect(byCell.A2).toMatchObject({ value: "2025010101", format: "@", reason: "id-as-text", before: "2025010101" });
    expect(byCell.B2).toMatchObject({ value: "王五", reason: "normalised" });
    expect(byCell.D2).toMatchObject({ value: "2005-07-12", format: "yyyy-mm-dd", reason: "text-date" });
    expect(byCell.E2).toMatchObject({ value: ID, format: "@", reason: "normalised", before: FULL_WIDTH_ID });
    expect(byCell.F2).toMatchObject({ value: "汉族", reason: "standard-name" });
    expect(byCell.G2).toMatchObject({ value: "080901", format: "@", reason: "leading-zeros" });
    expect(byCell.C2).toBeUndefined(); // nothing wrong with it: untouched
  });

  it("has nothing left to do once its fixes are written", () => {
    const fixed = grid([
      ["学号", "姓名", "性别", "出生日期", "身份证号", "民族", "专业代码"],
      ["2025010101", "王五", "男", numberCell(38545, "yyyy-mm-dd"), ID, "汉族", "080901"],
    ]);
    expect(plan(fixed)).toEqual({ safe: [], fromRecord: [], formulaCells: [] });
  });

  it("never guesses a rounded ID: only the record's, kept apart to be shown first", () => {
    const rounded = grid([
      ["学号", "姓名", "身份证号"],
      ["2025010101", "王五", 430103200507121000],
    ]);
    expect(plan(rounded).safe.filter((f) => f.column === "C")).toEqual([]);
    const recorded = { row: 2, column: "C", field: "idNumber", code: "record.id-on-record", params: { idNumber: ID } };
    expect(plan(rounded, [recorded]).fromRecord).toEqual([
      { row: 2, column: "C", before: "430103200507121000", value: ID, format: "@", reason: "from-record", studentNo: "2025010101" },
    ]);
  });

  it("leaves formula cells out of the fixes and names them apart: writing a value would replace the formula", () => {
    const looked = grid([
      ["学号", "姓名", "民族", "身份证号"],
      [
        "2025010101",
        { ...textCell("王  五"), formula: true },
        { ...textCell("汉"), formula: true },
        { ...numberCell(430103200507121000), formula: true },
      ],
    ]);
    const recorded = { row: 2, column: "D", field: "idNumber", code: "record.id-on-record", params: { idNumber: ID } };
    const found = plan(looked, [recorded]);
    expect(found.safe).toEqual([]);
    expect(found.fromRecord).toEqual([]);
    expect(found.formulaCells.sort()).toEqual(["B2", "C2", "D2"]);
  });
});
