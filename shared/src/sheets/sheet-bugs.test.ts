import { describe, expect, it } from "vitest";
import { type Cell, type GridRow, numberCell, textCell } from "../cell";
import { parsePhone } from "../fields/contact";
import { checkCharacter, parseIdNumber } from "../fields/id-number";
import { readSheet } from "./reader";

// Bugs once found in checking sheets: one test each.
const TODAY = "2026-11-23";
const codes = (r: { issues: Array<{ code: string }> }) => r.issues.map((i) => i.code);
const withCheck = (first17: string) => first17 + checkCharacter(first17);

function grid(rows: Array<Array<string | number | null | Cell>>): GridRow[] {
  return rows.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => (c === null ? undefined : typeof c === "number" ? numberCell(c) : typeof c === "string" ? textCell(c) : c)),
  }));
}

describe("ID numbers whose birth date cannot be a student's", () => {
  it("“110101203001011236 gives no issue. It is an error”: a birth date in the future", () => {
    expect(codes(parseIdNumber(textCell("110101203001011236"), { today: TODAY }))).toContain("id.birth-future");
  });

  it("“an age that cannot be a student's (the limits a setting, e.g. 12–80)”: default 12–80, and a school's own", () => {
    const child = withCheck("11010120200101123"); // 6 years old
    const elder = withCheck("11010119300101123"); // 96
    const adult = withCheck("11010120000101123"); // 26
    expect(codes(parseIdNumber(textCell(child), { today: TODAY }))).toEqual(["age.out-of-range"]);
    expect(codes(parseIdNumber(textCell(elder), { today: TODAY }))).toEqual(["age.out-of-range"]);
    expect(codes(parseIdNumber(textCell(adult), { today: TODAY }))).toEqual([]);
    // The setting is an option of the sheet check.
    const rows = grid([
      ["学号", "姓名", "注册状态", "身份证号"],
      ["2024001", "甲", "已注册", adult],
    ]);
    expect(codes(readSheet(rows, { today: TODAY }))).toEqual([]);
    expect(codes(readSheet(rows, { today: TODAY, ageLimits: { min: 12, max: 25 } }))).toEqual(["age.out-of-range"]);
  });

  it("“a 9-prefixed 外国人永久居留身份证 whose digits 2–3 are not a province code”", () => {
    expect(codes(parseIdNumber(textCell(withCheck("94311020000101123")), { today: TODAY }))).toEqual(["id.foreign-permanent"]);
    expect(codes(parseIdNumber(textCell(withCheck("99911020000101123")), { today: TODAY }))).toEqual([
      "id.foreign-region",
      "id.foreign-permanent",
    ]);
  });

  it("“1899-12-31 is called 不是有效日期; it is a real date outside the range — say so”", () => {
    expect(codes(parseIdNumber(textCell(withCheck("11010118991231123")), { today: TODAY }))).toEqual(["id.birth-out-of-range"]);
    const rows = grid([
      ["学号", "姓名", "注册状态", "出生日期"],
      ["2024001", "甲", "已注册", "1899-12-31"],
    ]);
    expect(codes(readSheet(rows, { today: TODAY }))).toEqual(["date.out-of-range"]);
  });
});

describe("codes typed as numbers", () => {
  it("“民族 1, 政治面貌 3 … Accept the code, normalise it to the name, and tell the secretary”", () => {
    const result = readSheet(
      grid([
        ["学号", "姓名", "注册状态", "民族", "政治面貌"],
        ["2024001", "甲", "已注册", 1, "3"],
      ]),
      {
        today: TODAY,
        retainRows: true,
      },
    );
    expect(result.issues.map((i) => [i.column, i.code, i.suggestion])).toEqual([
      ["D", "enum.numeric-code", "汉族"],
      ["E", "enum.numeric-code", "共青团员"],
    ]);
    expect(result.issues.every((i) => i.severity === "info")).toBe(true);
    expect(result.rows[0]?.values).toMatchObject({
      ethnicity: { code: "01", name: "汉族" },
      politicalStatus: { code: "03", name: "共青团员" },
    });
  });
});

describe("every column the reader recognises is checked", () => {
  it("“an invalid 政治面貌, a 专业代码 that lost its leading zero” on a returning roster are found", () => {
    const result = readSheet(
      grid([
        ["学号", "姓名", "注册状态", "政治面貌", "专业代码"],
        ["2024001", "甲", "已注册", "团委", 80901],
      ]),
      { today: TODAY },
    );
    expect(result.kind).toBe("roster-returning");
    expect(result.issues.map((i) => [i.column, i.code])).toEqual([
      ["D", "enum.unknown"],
      ["E", "code.leading-zeros-lost"],
    ]);
  });

  it("reads 学籍状态, 年级, 入学方式, 联系电话 and 家庭住址 with their checks", () => {
    const result = readSheet(
      grid([
        ["学号", "姓名", "注册状态", "学籍状态", "年级", "录取类别", "联系电话", "家庭住址"],
        ["2024001", "甲", "已注册", "在读", "2024级", "普通高考", "138 1234 5678", "湖南省长沙市岳麓区麓山南路932号"],
        ["2024002", "乙", "已注册", "在逃", "24", "普通高考", "1234567", "湖南"],
      ]),
      { today: TODAY, retainRows: true },
    );
    expect(result.rows[0]?.values).toMatchObject({
      studentStatus: { code: "enrolled" },
      grade: 2024,
      admissionType: "普通高考",
      phone: "13812345678",
      address: "湖南省长沙市岳麓区麓山南路932号",
    });
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "G", "phone.normalised"],
      [3, "D", "enum.unknown"],
      [3, "E", "grade.invalid"],
      [3, "G", "phone.invalid"],
      [3, "H", "address.too-short"],
    ]);
  });

  it("reads phone numbers per the national numbering plan", () => {
    const value = (text: string) => parsePhone(textCell(text)).value;
    expect(value("13812345678")).toBe("13812345678");
    expect(value("+86 139-0731-0000")).toBe("13907310000");
    expect(value("0731-84567890")).toBe("0731-84567890");
    expect(value("010 62345678")).toBe("010-62345678");
    expect(value("+86 731 8456789")).toBe("0731-8456789");
    expect(value("(0731)8456789转123")).toBe("0731-8456789-123");
    expect(value("12812345678")).toBeNull(); // 12x is not a mobile range
    expect(value("8456789")).toBeNull(); // a landline without its area code
    expect(value("0731-0456789")).toBeNull(); // a subscriber number never starts with 0
    expect(parsePhone(numberCell(13812345678)).value).toBe("13812345678");
  });

  it("reads a lone 考试学期 column as the term, and beside 开课学期 as the exam term", () => {
    const lone = readSheet(
      grid([
        ["学号", "姓名", "考试学期", "课程名称", "学分"],
        ["2024001", "甲", "2025-2026-1", "高数", 4],
      ]),
      {
        today: TODAY,
      },
    );
    expect(lone.columns.map((c) => c.field)).toEqual(["studentNo", "name", "term", "courseName", "credits"]);
    const both = readSheet(
      grid([
        ["学号", "姓名", "开课学期", "考试学期", "课程名称", "学分"],
        ["2024001", "甲", "2025-2026-1", "2025-2026-2", "高数", 4],
      ]),
      { today: TODAY },
    );
    expect(both.rows[0]?.values).toMatchObject({ term: { code: "2025-2026-1" }, examTerm: { code: "2025-2026-2" } });
  });
});
