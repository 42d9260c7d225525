import { describe, expect, it } from "vitest";
import { FIELD_KEYS } from "../sheets/fields";
import { SHEET_KINDS } from "../sheets/templates";
import { catalogue, type IssueCode, LOCALES } from "./catalogue";
import { formatMessage, placeholders } from "./format";
import { FIELD_LABELS, SHEET_LABELS } from "./labels";

describe("message catalogue", () => {
  const codes = Object.keys(catalogue) as IssueCode[];

  it.each(codes)("%s has Chinese and English text with the same parameters", (code) => {
    expect(catalogue[code]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(catalogue[code].en).not.toMatch(/^\s*$/);
    expect(new Set(placeholders(code, "zh-CN"))).toEqual(new Set(placeholders(code, "en")));
  });

  it("labels every field and sheet kind in both languages", () => {
    for (const key of FIELD_KEYS) for (const l of LOCALES) expect(FIELD_LABELS[key][l]).toBeTruthy();
    for (const kind of SHEET_KINDS) for (const l of LOCALES) expect(SHEET_LABELS[kind][l]).toBeTruthy();
  });

  it("shows a field key as the field's name in each language", () => {
    const params = { label: "studentNo", value: "2024001", length: 10, actual: 7 };
    expect(formatMessage("code.length", params)).toBe("学号“2024001”应为 10 位，实际为 7 位。");
    expect(formatMessage("code.length", params, "en")).toBe("Student number “2024001” should have 10 characters, it has 7.");
  });
});
