import { describe, expect, it } from "vitest";
import { type Cell, numberCell, textCell } from "../cell";
import { ETHNICITY } from "../codes/ethnicity";
import { GENDER } from "../codes/gender";
import { POLITICAL_STATUS } from "../codes/political-status";
import { parseEnumeration } from "./enumeration";
import { parseIdentifier } from "./identifier";
import { parseName } from "./name";
import { parseCredits, parseDuration } from "./number";
import { parseScore } from "./score";
import { parseTerm } from "./term";
import { parseYesNo } from "./text";

const codes = (r: { issues: Array<{ code: string }> }) => r.issues.map((i) => i.code);

describe("names", () => {
  it.each([
    ["张  三", "张三"],
    [" 李四\u200B", "李四"],
    ["阿依古丽.买买提", "阿依古丽·买买提"],
    ["阿依古丽・买买提", "阿依古丽·买买提"],
    ["阿依古丽 • 买买提", "阿依古丽·买买提"],
    ["ＪＯＨＮ Smith", "JOHN Smith"],
  ])("%j → %j with a warning", (raw, name) => {
    const r = parseName(textCell(raw));
    expect(r.value).toBe(name);
    expect(r.issues).toMatchObject([{ code: "name.normalised", suggestion: name }]);
  });

  it("leaves a clean name alone and rejects digits", () => {
    expect(parseName(textCell("欧阳娜娜"))).toEqual({ value: "欧阳娜娜", issues: [] });
    expect(codes(parseName(textCell("王5")))).toEqual(["name.has-digits"]);
  });
});

describe("identifiers (学号, 考生号, 专业代码)", () => {
  it("detects leading zeros lost in a number cell where the length is fixed", () => {
    const r = parseIdentifier(numberCell(80901), { label: "majorCode", length: 6, letterSuffix: true });
    expect(r.value).toBe("080901");
    expect(r.issues).toMatchObject([{ code: "code.leading-zeros-lost", severity: "error", suggestion: "080901" }]);
  });

  it("accepts a letter suffix on major codes and checks the length", () => {
    expect(parseIdentifier(textCell("080910T"), { label: "majorCode", length: 6, letterSuffix: true })).toEqual({
      value: "080910T",
      issues: [],
    });
    expect(codes(parseIdentifier(textCell("0809"), { label: "majorCode", length: 6, letterSuffix: true }))).toEqual(["code.length"]);
  });

  it("reports precision lost past 15 digits, and full-width digits", () => {
    expect(codes(parseIdentifier(numberCell(2.6430102150123e16), { label: "examNo" }))).toEqual(["code.precision-lost"]);
    expect(parseIdentifier(textCell("２０２４０１０１"), { label: "studentNo" })).toMatchObject({
      value: "20240101",
      issues: [{ code: "code.normalised" }],
    });
    expect(codes(parseIdentifier(textCell("2024-01#"), { label: "studentNo", letters: true }))).toEqual(["code.characters"]);
  });
});

describe("code tables", () => {
  it.each([
    ["汉", ETHNICITY, "01", "汉族"],
    ["维族", ETHNICITY, "05", "维吾尔族"],
    ["Zhuang", ETHNICITY, "08", "壮族"],
    ["团员", POLITICAL_STATUS, "03", "共青团员"],
    ["党员", POLITICAL_STATUS, "01", "中共党员"],
    ["M", GENDER, "1", "男"],
    ["2", GENDER, "2", "女"],
  ] as const)("%s is read as the standard spelling", (typed, table, code, name) => {
    const r = parseEnumeration(textCell(typed), table, "ethnicity");
    expect(r.value).toEqual({ code, name });
    expect(r.issues).toMatchObject([{ code: "enum.alias", severity: "info", suggestion: name }]);
  });

  it("has the 56 groups and 其他, 外国血统中国籍人士 (GB 3304)", () => {
    expect(ETHNICITY.entries).toHaveLength(58);
    expect(new Set(ETHNICITY.entries.map((e) => e.code)).size).toBe(58);
  });

  it("accepts the standard name silently and rejects an unknown spelling", () => {
    expect(parseEnumeration(textCell("汉族"), ETHNICITY, "ethnicity")).toEqual({ value: { code: "01", name: "汉族" }, issues: [] });
    expect(codes(parseEnumeration(textCell("火星族"), ETHNICITY, "ethnicity"))).toEqual(["enum.unknown"]);
    expect(parseEnumeration(numberCell(1), GENDER, "gender").value).toEqual({ code: "1", name: "男" });
    // GB/T 4762 gives a full name and a short name; both are the standard's own.
    expect(parseEnumeration(textCell("中国共产主义青年团团员"), POLITICAL_STATUS, "politicalStatus")).toEqual({
      value: { code: "03", name: "共青团员" },
      issues: [],
    });
  });
});

describe("credits, durations, scores, terms, yes/no", () => {
  it.each([
    [numberCell(3.5), 3.5],
    [textCell("４"), 4],
    [textCell("2.5学分"), 2.5],
  ] as Array<[Cell, number]>)("credits %j", (cell, n) => {
    expect(parseCredits(cell)).toEqual({ value: n, issues: [] });
  });
  it("rejects credits that are not half steps or out of range", () => {
    expect(codes(parseCredits(numberCell(3.3)))).toEqual(["credits.half-step"]);
    expect(codes(parseCredits(numberCell(0)))).toEqual(["number.out-of-range"]);
    expect(parseCredits(textCell("三学分")).value).toBe(3);
    expect(codes(parseCredits(textCell("学分三")))).toEqual(["number.invalid"]);
  });
  it("reads 学制 as 4, 四年, 2.5", () => {
    expect(parseDuration(textCell("四年")).value).toBe(4);
    expect(parseDuration(numberCell(2.5)).value).toBe(2.5);
    expect(codes(parseDuration(numberCell(12)))).toEqual(["number.out-of-range"]);
  });
  it.each([
    [numberCell(45), 45, false],
    [textCell("60"), 60, true],
    [textCell("不及格"), 0, false],
    [textCell("良"), 85, true],
    [textCell("缺考"), 0, false],
    [textCell("免修"), null, null],
  ] as Array<[Cell, number | null, boolean | null]>)("score %j", (cell, mark, passed) => {
    expect(parseScore(cell).value).toMatchObject({ mark, passed });
  });
  it("rejects scores above 100 and unknown words", () => {
    expect(codes(parseScore(numberCell(105)))).toEqual(["number.out-of-range"]);
    expect(codes(parseScore(textCell("差不多")))).toEqual(["score.unrecognised"]);
  });
  it.each([
    ["2025-2026-1", "2025-2026-1"],
    ["2025-2026学年第一学期", "2025-2026-1"],
    ["2025—2026学年第2学期", "2025-2026-2"],
    ["２０２５-２０２６学年秋季学期", "2025-2026-1"],
    ["2025-2026(2)", "2025-2026-2"],
  ])("term %s → %s", (text, code) => {
    expect(parseTerm(textCell(text))).toMatchObject({ value: { code, academicYear: "2025-2026" }, issues: [] });
  });
  it("rejects terms that are not a school year", () => {
    expect(codes(parseTerm(textCell("2025-2027-1")))).toEqual(["term.years"]);
    expect(codes(parseTerm(textCell("第一学期")))).toEqual(["term.unrecognised"]);
  });
  it("reads yes, no and a signature", () => {
    expect(parseYesNo(textCell("已确认"), "confirmed").value).toBe(true);
    expect(parseYesNo(textCell("张三"), "confirmed").value).toBe(true);
    expect(parseYesNo(textCell("否"), "confirmed").value).toBe(false);
    expect(codes(parseYesNo(textCell("??"), "confirmed"))).toEqual(["boolean.unrecognised"]);
  });
});
