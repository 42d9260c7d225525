import { describe, expect, it } from "vitest";
import { type GridRow, textCell } from "../cell";
import { columnOverrideProblems } from "./column-override";
import { readSheet } from "./reader";

const TODAY = "2026-11-23";

function grid(rows: Array<Array<string | null>>): GridRow[] {
  return rows.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === null ? undefined : textCell(c))) }));
}

const mapping = (result: ReturnType<typeof readSheet>) => result.columns.map((c) => `${c.column}:${c.field}`);
const codes = (result: ReturnType<typeof readSheet>) => result.issues.map((i) => [i.row, i.column, i.field, i.code]);

// A returning roster whose 身份证 header the reader does not know, and whose “出生年月” column in
// fact holds the date the student enrolled (the college's own sheet, headed wrongly).
const SHEET = grid([
  ["学号", "姓名", "身份证", "出生年月", "注册状态"],
  ["2024001", "张三", "110105194912310021", "2024-09-01", "已注册"],
  ["2024002", "李四", "11010519491231002X", "2024-09-01", "已注册"],
]);

describe("the secretary's column mapping", () => {
  it("reads a column the header did not name, and a column the header named wrongly, as she says", () => {
    const guessed = readSheet(SHEET, { today: TODAY });
    expect(mapping(guessed)).toEqual(["A:studentNo", "B:name", "D:birthDate", "E:registrationStatus"]);
    // Read as birth dates, both rows are two-year-olds; the bad ID number in C goes unseen.
    expect(codes(guessed).every(([, column]) => column === "D")).toBe(true);
    expect(codes(guessed)).toHaveLength(2);

    const fixed = readSheet(SHEET, { today: TODAY, columns: { C: "idNumber", D: "enrolmentDate" } });
    expect(fixed.kind).toBe("roster-returning");
    expect(mapping(fixed)).toEqual(["A:studentNo", "B:name", "C:idNumber", "D:enrolmentDate", "E:registrationStatus"]);
    expect(fixed.columns.find((c) => c.column === "C")?.header).toBe("身份证");
    expect(codes(fixed)).toEqual([[2, "C", "idNumber", "id.checksum"]]);
    expect(fixed.rows[1]?.values.idNumber?.id).toBe("11010519491231002X");
    expect(fixed.rows[0]?.values.enrolmentDate).toBe("2024-09-01");
  });

  it("leaves a column unchecked when she says so", () => {
    const result = readSheet(SHEET, { today: TODAY, columns: { D: null } });
    expect(mapping(result)).toEqual(["A:studentNo", "B:name", "E:registrationStatus"]);
    expect(result.issues).toEqual([]);
    expect(result.rows[0]?.values.birthDate).toBeUndefined();
  });

  it("moves a field to the column she names instead of reading two columns for it", () => {
    const sheet = grid([
      ["学号", "姓名", "注册状态", "新学号"],
      ["旧-1", "张三", "已注册", "2024001"],
    ]);
    const result = readSheet(sheet, { today: TODAY, columns: { D: "studentNo" } });
    expect(mapping(result)).toEqual(["B:name", "C:registrationStatus", "D:studentNo"]);
    expect(result.rows[0]?.values.studentNo).toBe("2024001");
    expect(result.issues.filter((i) => i.code === "sheet.duplicate-column")).toEqual([]);
  });

  it("reads the second of two same-named columns when she sets the first aside", () => {
    const sheet = grid([
      ["学号", "姓名", "注册状态", "学号"],
      ["作废", "张三", "已注册", "2024001"],
    ]);
    const result = readSheet(sheet, { today: TODAY, columns: { A: null } });
    expect(mapping(result)).toEqual(["B:name", "C:registrationStatus", "D:studentNo"]);
    expect(result.issues).toEqual([]);
  });

  it("decides the kind from her mapping: a required column she names is no longer missing", () => {
    const sheet = grid([
      ["学号", "姓名", "学期", "所修科目", "学分", "成绩", "考核类别"],
      ["2024001", "张三", "2025-2026-1", "高等数学", "4", "45", "正考"],
    ]);
    const guessed = readSheet(sheet, { today: TODAY, kind: "failed-courses" });
    expect(guessed.issues.filter((i) => i.code === "sheet.missing-column").map((i) => i.params.header)).toContain("课程名称");
    const fixed = readSheet(sheet, { today: TODAY, kind: "failed-courses", columns: { D: "courseName", G: "examType" } });
    expect(fixed.issues.filter((i) => i.code === "sheet.missing-column")).toEqual([]);
    expect(fixed.rows[0]?.values.courseName).toBe("高等数学");
  });

  it("names what is wrong with an override: a bad column letter, an unknown field, a field given twice", () => {
    expect(columnOverrideProblems({ C: "idNumber", D: null })).toEqual([]);
    expect(columnOverrideProblems({ c: "idNumber", "1": "name", XFE: "name", AAAA: "name" })).toEqual([
      { column: "1", problem: "column-letter" },
      { column: "c", problem: "column-letter" },
      { column: "XFE", problem: "column-letter" },
      { column: "AAAA", problem: "column-letter" },
    ]);
    expect(columnOverrideProblems({ C: "shoeSize", D: 3 })).toEqual([
      { column: "C", problem: "column-field" },
      { column: "D", problem: "column-field" },
    ]);
    expect(columnOverrideProblems({ C: "idNumber", F: "idNumber" })).toEqual([{ column: "F", problem: "column-duplicate" }]);
    expect(columnOverrideProblems({ IV: "name", IW: "name" }, 256)).toEqual([{ column: "IW", problem: "column-letter" }]);
  });
});
