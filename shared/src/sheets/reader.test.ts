import { describe, expect, it } from "vitest";
import { type Cell, type GridRow, numberCell, textCell } from "../cell";
import { createSheetReader, readSheet } from "./reader";
import { DEFAULT_TEMPLATES } from "./templates";

const TODAY = "2026-11-23";

function grid(rows: Array<Array<string | number | null | Cell>>, firstRow = 1): GridRow[] {
  return rows.map((cells, i) => ({
    row: firstRow + i,
    cells: cells.map((c) => (c === null ? undefined : typeof c === "number" ? numberCell(c) : typeof c === "string" ? textCell(c) : c)),
  }));
}

const codes = (result: ReturnType<typeof readSheet>) => result.issues.map((i) => [i.row, i.column, i.code]);

describe("finding the header and the kind", () => {
  it("skips title rows and reads decorated headers", () => {
    const result = readSheet(
      grid([
        ["2026年在校生学年电子注册信息核对表"],
        ["学院：文学院", null, "填表人："],
        [null],
        ["序号", "学号\n(必填)", "学生姓名", "注册状态：", "身份证件号（18位）"],
        [1, "2024001", "甲", "已注册", "11010519491231002X"],
      ]),
      { today: TODAY },
    );
    expect(result.kind).toBe("roster-returning");
    expect(result.headerRow).toBe(4);
    expect(result.columns.map((c) => `${c.column}:${c.field}`)).toEqual(["B:studentNo", "C:name", "D:registrationStatus", "E:idNumber"]);
    expect(result.issues).toEqual([]);
  });

  it("lets the title decide between sheets with similar columns", () => {
    const rows = [["2026级毕业生学历注册信息"], ["学号", "姓名", "性别", "出生日期", "身份证号", "专业", "层次"]];
    expect(readSheet(grid(rows), { today: TODAY }).kind).toBe("graduates");
    rows[0] = ["2026级新生学籍电子注册信息核对表"];
    expect(readSheet(grid(rows), { today: TODAY }).kind).toBe("roster-new");
  });

  it("reports a missing required column for the kind asked for", () => {
    const result = readSheet(
      grid([
        ["学号", "姓名", "学期", "课程名称"],
        ["1", "甲", "2025-2026-1", "数学"],
      ]),
      { today: TODAY, kind: "failed-courses" },
    );
    expect(codes(result)).toEqual([[1, null, "sheet.missing-column"]]);
    expect(result.issues[0]?.params).toEqual({ sheet: "failed-courses", header: "学分" });
  });

  it("says so when no header is found in the first 20 rows", () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`说明第 ${i + 1} 条`]);
    expect(codes(readSheet(grid(rows), { today: TODAY }))).toEqual([[1, null, "sheet.no-header"]]);
    expect(codes(readSheet([], { today: TODAY }))).toEqual([[1, null, "sheet.no-header"]]);
  });

  it("warns about a field that has two columns and reads only the first", () => {
    const result = readSheet(
      grid([
        ["学号", "姓名", "注册状态", "学号"],
        ["1", "甲", "已注册", "2"],
      ]),
      { today: TODAY },
    );
    expect(codes(result)).toEqual([[1, "D", "sheet.duplicate-column"]]);
    expect(result.rows[0]?.values.studentNo).toBe("1");
  });

  it("says when there are no data rows", () => {
    expect(codes(readSheet(grid([["学号", "姓名", "注册状态"]]), { today: TODAY }))).toEqual([[1, null, "sheet.empty"]]);
  });
});

describe("data rows", () => {
  const header = ["学号", "姓名", "身份证号", "注册状态"];

  it("skips blank rows, repeated headers of printed pages, and signature footers", () => {
    const result = readSheet(
      grid([
        header,
        ["1", "甲", "11010519491231002X", "已注册"],
        [null, " "],
        header,
        ["2", "乙", null, "暂缓注册"],
        ["制表人：王老师", null, "审核人（签字）："],
        ["合计：2 人"],
      ]),
      { today: TODAY },
    );
    expect(result.rows.map((r) => r.row)).toEqual([2, 5]);
    // The signatures end the data, and the summary says where.
    expect(codes(result)).toEqual([[6, null, "sheet.data-ended"]]);
    expect(result.dataEnd).toEqual({ row: 6, lastDataRow: 5, text: "制表人：王老师" });
  });

  it("学信网 sheets end at their data: “合计 … 48人” is not a 49th student, nor anything under it", () => {
    const given = "甲乙丙丁戊己庚辛壬癸子丑";
    const students = Array.from({ length: 48 }, (_, i) => [
      String(20240001 + i),
      `学生${given[i % 12]}${given[Math.floor(i / 12)]}`,
      null,
      "已注册",
    ]);
    const result = readSheet(
      grid([header, ...students, ["合计", "48人", null, "已注册48人"], ["2024999", "备注里的学号", null, "已注册"]]),
      { today: TODAY },
    );
    expect(result.dataRows).toBe(48);
    expect(result.rows.at(-1)?.row).toBe(49);
    expect(codes(result)).toEqual([[50, null, "sheet.data-ended"]]);
    expect(result.issues[0]?.params).toEqual({ row: 50, last: 49, text: "合计" });
    // A student whose key holds a number is still a student, whatever another cell says.
    const kept = readSheet(grid([header, ["2024001", "甲", null, "已注册"], ["2024002", "合计", null, "已注册"]]), { today: TODAY });
    expect(kept.dataRows).toBe(2);
  });

  it("keeps a row whose key holds data even when another cell mentions a signature", () => {
    const result = readSheet(
      grid([
        [...header, "备注"],
        ["3", "丙", null, "已注册", "已签字"],
      ]),
      { today: TODAY },
    );
    expect(result.rows).toHaveLength(1);
  });

  it("reports an error value from a broken formula", () => {
    const result = readSheet(grid([header, ["1", { value: "#REF!", type: "error" }, null, "已注册"]]), { today: TODAY });
    expect(codes(result)).toEqual([[2, "B", "field.error-value"]]);
  });

  it("counts each row's errors and orders its issues by column", () => {
    const result = readSheet(
      grid([
        ["学号", "姓名", "性别", "身份证号", "出生日期", "注册状态"],
        ["1", null, "女", "11010519491231001X", "1949-12-31", "已注册"],
      ]),
      {
        today: TODAY,
        kind: "roster-returning",
      },
    );
    expect(codes(result)).toEqual([
      [2, "B", "field.required"],
      [2, "D", "id.checksum"],
    ]);
    expect(result.rows[0]?.errors).toBe(2);
  });

  it("cross-checks birth date and gender against the ID", () => {
    const result = readSheet(
      grid([
        ["学号", "姓名", "性别", "身份证号", "出生日期", "注册状态"],
        ["1", "甲", "男", "11010519491231002X", "1949-12-30", "已注册"],
      ]),
      {
        today: TODAY,
      },
    );
    expect(result.issues.map((i) => [i.column, i.code, i.suggestion])).toEqual([
      ["C", "cross.gender", "女"],
      ["E", "cross.birth-date", "1949-12-31"],
    ]);
  });

  it("gives the same verdict streamed row by row as read at once", () => {
    const rows = grid([["标题"], header, ...Array.from({ length: 40 }, (_, i) => [String(i % 30), "某", null, i % 7 ? "已注册" : "注册"])]);
    const reader = createSheetReader({ today: TODAY });
    for (const row of rows) reader.push(row);
    const streamed = reader.finish();
    expect(streamed).toEqual(readSheet(rows, { today: TODAY }));
    expect(streamed.issues.filter((i) => i.code === "row.duplicate")).toHaveLength(10);
  });

  it("uses a school's template: a fixed 学号 length catches lost leading zeros", () => {
    const base = DEFAULT_TEMPLATES["roster-returning"];
    const columns = base.columns.map((c) => (c.field === "studentNo" ? { ...c, parser: { kind: "identifier" as const, length: 10 } } : c));
    const templates = { ...DEFAULT_TEMPLATES, "roster-returning": { ...base, version: 2, columns } };
    const result = readSheet(grid([header, [24001, "甲", null, "已注册"]]), { today: TODAY, templates, kind: "roster-returning" });
    expect(result.issues.map((i) => [i.code, i.suggestion])).toEqual([["code.leading-zeros-lost", "0000024001"]]);
  });
});
