import { describe, expect, it } from "vitest";
import { textCell } from "../cell";
import { readSheet } from "../sheets/reader";
import { documentKindOf, parseIdNumber } from "./id-number";

const TODAY = "2026-11-23";
const read = (id: string, documentType: string) => parseIdNumber(textCell(id), { documentType, today: TODAY });
const codes = (r: ReturnType<typeof read>) => r.issues.map((i) => i.code);

describe("学信网 证件类型: each document read by its own format", () => {
  it("names the document from its 学信网 name or the everyday one", () => {
    expect(documentKindOf("港澳居民来往内地通行证")).toBe("hk-macao-pass");
    expect(documentKindOf("回乡证")).toBe("hk-macao-pass");
    expect(documentKindOf("台湾居民来往大陆通行证")).toBe("taiwan-pass");
    expect(documentKindOf("台胞证")).toBe("taiwan-pass");
    expect(documentKindOf("港澳台居民居住证")).toBe("permit-hkmotw");
    expect(documentKindOf("外国人永久居留身份证")).toBe("foreign-permanent");
    expect(documentKindOf("护照")).toBe("passport");
    expect(documentKindOf("居民身份证")).toBe("resident");
    expect(documentKindOf("")).toBeNull();
  });

  it("学信网 港澳居民来往内地通行证: H or M followed by digits; no birth date or sex to compare", () => {
    expect(read("H12345678", "港澳居民来往内地通行证")).toMatchObject({ value: { id: "H12345678", kind: "hk-macao-pass" } });
    expect(read("M1234567801", "回乡证").value?.kind).toBe("hk-macao-pass");
    expect(codes(read("H12345678", "回乡证"))).toEqual(["id.document-no-birth"]);
    expect(read("H12345678", "回乡证").value?.birthDate).toBeUndefined();
    const bad = read("K12345678", "港澳居民来往内地通行证");
    expect(bad.value).toBeNull();
    expect(bad.issues[0]).toMatchObject({ code: "id.document-format", severity: "error" });
  });

  it("学信网 台湾居民来往大陆通行证: 8 digits on the current card", () => {
    expect(read("12345678", "台湾居民来往大陆通行证")).toMatchObject({ value: { kind: "taiwan-pass" } });
    expect(codes(read("1234567", "台胞证"))).toEqual(["id.document-format"]);
    expect(codes(read("110101200501011239", "台胞证"))).toEqual(["id.document-format"]);
  });

  it("学信网 港澳台居民居住证: 18 digits from 810000/820000/830000 with the check digit, birth date and sex", () => {
    const ok = read("810000199901011236", "港澳台居民居住证");
    expect(ok.value).toMatchObject({ kind: "permit-hkmotw", birthDate: "1999-01-01", gender: "1" });
    expect(codes(read("810000199901011235", "港澳台居民居住证"))).toContain("id.checksum");
    // A mainland number is not a residence permit.
    expect(codes(read("110101200501011239", "港澳台居民居住证"))).toEqual(["id.document-format"]);
  });

  it("学信网 外国人永久居留身份证: 18 characters from 9, as the current card", () => {
    expect(read("931100199903037898", "外国人永久居留身份证").value).toMatchObject({ kind: "foreign-permanent", birthDate: "1999-03-03" });
    expect(codes(read("110101200501011239", "外国人永久居留身份证"))).toEqual(["id.document-format"]);
  });

  it("学信网 护照: letters and digits", () => {
    expect(read("E12345678", "护照")).toMatchObject({ value: { kind: "passport" } });
    expect(codes(read("护照号", "护照"))).toEqual(["id.document-format"]);
  });

  it("学信网 证件类型 in a roster: a 回乡证 H-number and a 台胞证 8-digit number are clean; birth and sex compared only where encoded; 民族 of a foreign national", () => {
    const result = readSheet(
      [
        ["学号", "姓名", "性别", "出生日期", "证件类型", "身份证件号", "民族"],
        ["2026010001", "陈大文", "男", "2007-05-01", "港澳居民来往内地通行证", "H12345678", "汉族"],
        ["2026010002", "林美玲", "女", "2007-06-01", "台湾居民来往大陆通行证", "12345678", "汉族"],
        ["2026010003", "何家明", "女", "2007-06-01", "港澳台居民居住证", "810000199901011236", "汉族"],
        ["2026010004", "John Smith", "男", "2006-01-01", "护照", "E12345678", "汉族"],
      ].map((cells, i) => ({ row: i + 1, cells: cells.map((c) => textCell(c)) })),
      { today: TODAY, kind: "roster-new" },
    );
    const errorsAndWarnings = result.issues.filter((i) => i.severity !== "info" && (i.row ?? 0) > 1).map((i) => [i.row, i.column, i.code]);
    expect(errorsAndWarnings).toEqual([
      // The 居住证 encodes 1999-01-01 and 男: compared.
      [4, "C", "cross.gender"],
      [4, "D", "cross.birth-date"],
      [5, "G", "cross.ethnicity-foreign"],
    ]);
    expect(result.issues.find((i) => i.code === "cross.ethnicity-foreign")?.suggestion).toBe("其他");
  });
});
