import { describe, expect, it } from "vitest";
import { FIELD_KEYS } from "../sheets/fields";
import { SHEET_KINDS } from "../sheets/templates";
import { catalogue, type IssueCode } from "./catalogue";
import { formatMessage, placeholders } from "./format";
import { FIELD_LABELS, SHEET_LABELS } from "./labels";
import { LOCALES } from "./locale";

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

describe("error messages", () => {
  it("name roles and stages in the reader's language", async () => {
    const { formatError } = await import("./errors");
    const params = { stage: "college", type: "suspension", role: "college-leader" };
    expect(formatError("application.not-your-stage", params)).toBe("“二级学院审核”环节由二级学院分管院领导审批。");
    expect(formatError("application.not-your-stage", params, "en")).toBe("“College review” is decided by the College leader.");
    expect(formatError("auth.forbidden", { role: "secretary" })).toBe("您的角色（二级学院教学秘书）没有执行此操作的权限。");
    expect(formatError("application.wrong-stage", { stage: "degree-committee" }, "en")).toBe(
      "The application is at “Degree committee”; this action is not possible there.",
    );
  });
});

describe("messages that blame the spreadsheet", () => {
  it("name the one the reader uses: Excel unless told, WPS 表格 inside WPS, either in file mode", () => {
    const params = { shown: "4.30103E+17" };
    expect(formatMessage("id.precision-lost", params)).toMatch(/^身份证号被 Excel 存成了数字.*Excel 只保留 15 位/);
    const wps = formatMessage("id.precision-lost", params, "zh-CN", "wps");
    expect(wps).toMatch(/^身份证号被 WPS 表格 存成了数字（显示为 4\.30103E\+17），WPS 表格 只保留 15 位/);
    expect(wps).not.toContain("Excel");
    expect(formatMessage("id.precision-lost", params, "en", "wps")).toMatch(/^The ID number was stored by WPS Spreadsheets as a number/);
    expect(formatMessage("code.precision-lost", { label: "studentNo", shown: "2.6E+16" }, "zh-CN", "file")).toMatch(
      /^学号被 Excel 或 WPS 表格 存成了数字/,
    );
  });
});
