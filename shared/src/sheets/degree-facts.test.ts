import { describe, expect, it } from "vitest";
import { type GridRow, numberCell, textCell } from "../cell";
import { parseGpa } from "../fields/number";
import { formatMessage } from "../messages/format";
import { readSheet } from "./reader";

// GPA and the other degree conditions are settings that read data the record holds or a sheet brings.
// The graduates sheet (docs/domain.md §4: it feeds the graduation and degree audits) carries 平均学分绩点
// and 处分 (docs/domain.md §2, code table 0018) for the degree conditions; the seeds leave the conditions
// to the school (seed 001 七 “按学校相关文件规定审核毕业生授位资格”).
const TODAY = "2026-05-20";

function grid(rows: Array<Array<string | number | null>>): GridRow[] {
  return rows.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => (c === null ? undefined : typeof c === "number" ? numberCell(c) : textCell(c))),
  }));
}

describe("平均学分绩点 (GPA)", () => {
  it("reads a number 0–5 with at most two decimals from number cells, text and full-width digits", () => {
    expect(parseGpa(numberCell(3.45)).value).toBe(3.45);
    // A computed cell's binary noise is the figure Excel shows.
    expect(parseGpa(numberCell(0.1 + 0.2 + 2.8)).value).toBe(3.1);
    expect(parseGpa(textCell(" 2.85 ")).value).toBe(2.85);
    expect(parseGpa(textCell("３．２")).value).toBe(3.2);
    expect(parseGpa(textCell("4")).value).toBe(4);
  });

  it("refuses what is not a GPA, with a localised message", () => {
    const issue = (text: string) => parseGpa(textCell(text)).issues[0];
    expect(issue("5.5")).toMatchObject({ code: "number.out-of-range", params: { label: "gpa", min: 0, max: 5 } });
    expect(issue("-1")).toMatchObject({ code: "number.out-of-range" });
    expect(issue("3.456")).toMatchObject({ code: "gpa.decimals", params: { value: 3.456 } });
    expect(issue("良好")).toMatchObject({ code: "number.invalid" });
    const decimals = issue("3.456");
    expect(formatMessage("gpa.decimals", decimals?.params)).toBe("平均学分绩点 3.456 超过两位小数，请填写教务系统给出的绩点（如 3.25）。");
    const range = issue("5.5");
    expect(formatMessage("number.out-of-range", range?.params)).toBe("平均学分绩点 5.5 超出允许范围（0 至 5）。");
    expect(formatMessage("number.out-of-range", range?.params, "en")).toBe("GPA 5.5 is outside the allowed range (0 to 5).");
  });
});

describe("the graduates sheet's degree-fact columns", () => {
  const header = ["学号", "姓名", "性别", "出生日期", "身份证号", "专业名称", "层次", "学制", "学习形式", "入学日期", "毕业日期"];
  const identity = ["男", "2004-03-01", "430103200403011231", "计算机科学与技术", "本科", 4, "普通全日制", "2022-09-01", "2026-06-30"];

  it("recognises GPA and 处分 by their usual headers: a blank GPA stays blank, a blank 处分 says 无", () => {
    const result = readSheet(
      grid([
        ["2026届毕业生信息核对表"],
        [...header, "GPA", "处分情况"],
        ["2022010101", "甲", ...identity, "3.1", null],
        ["2022010102", "乙", ...identity, null, "留校察看"],
        ["2022010103", "丙", ...identity, 4.2, 2],
      ]),
      { today: TODAY, retainRows: true },
    );
    expect(result.kind).toBe("graduates");
    expect(result.rows.map((r) => [r.values.gpa, r.values.discipline?.code])).toEqual([
      // A 处分 column is filled in only for students who have one: blank is 无 (FIELDS.discipline.blankMeans).
      [3.1, "0"],
      [undefined, "4"],
      [4.2, "2"],
    ]);
    // A code typed instead of the name is read by its code (0018), and the secretary is told the name.
    expect(result.issues.filter((i) => i.column === "M").map((i) => [i.row, i.code, i.suggestion])).toEqual([
      [5, "enum.alias", "严重警告"],
    ]);
  });

  it("checks them on any sheet that carries them (every recognised column is checked)", () => {
    const result = readSheet(
      grid([
        ["学号", "姓名", "注册状态", "平均学分绩点", "处分"],
        ["2024001", "甲", "已注册", "3.456", "批评"],
      ]),
      { today: TODAY },
    );
    expect(result.issues.map((i) => [i.column, i.code])).toEqual([
      ["D", "gpa.decimals"],
      ["E", "enum.unknown"],
    ]);
  });
});
