import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateFile } from "./validate-file";

const fixture = (name: string) => join(import.meta.dirname, "../../fixtures", name);
const TODAY = "2026-11-23";

async function issuesOf(name: string, kind?: "failed-courses") {
  const { report } = await validateFile(fixture(name), { today: TODAY, ...(kind ? { kind } : {}) });
  return {
    report,
    found: report.issues.map((i) => (i.suggestion === undefined ? [i.row, i.column, i.code] : [i.row, i.column, i.code, i.suggestion])),
  };
}

describe("validating real .xlsx and .csv check sheets", () => {
  it("finds every planted problem in a messy new-student roster, and nothing else", async () => {
    const { report, found } = await issuesOf("roster-new-messy.xlsx");
    expect(report).toMatchObject({ sheet: "2026级新生", kind: "roster-new", headerRow: 3, dataRows: 7 });
    expect(report.columns.slice(0, 3)).toEqual([
      { field: "studentNo", header: "*学号", column: "B" },
      { field: "name", header: "姓 名", column: "C" },
      { field: "gender", header: "性别", column: "D" },
    ]);
    expect(found).toEqual([
      [5, "F", "id.precision-lost"], // typed into a number cell: 4.30103E+17
      [5, "G", "enum.alias", "汉族"],
      [5, "H", "enum.alias", "共青团员"],
      [6, "C", "name.normalised", "王五"],
      [6, "D", "cross.gender", "男"],
      [6, "F", "id.normalised", "500103200608200318"], // full-width digits
      [8, "E", "cross.birth-date", "2005-07-21"], // the name in this row is a formula
      [8, "G", "enum.alias", "维吾尔族"],
      [9, "B", "row.duplicate"],
      [9, "F", "id.legacy-15", "430103199912311238"],
      [9, "G", "enum.unknown"],
      [9, "I", "code.leading-zeros-lost", "080901"],
      [10, "C", "name.normalised", "阿依古丽·买买提"],
      [10, "E", "date.invalid"],
      [10, "F", "id.checksum"],
      [10, "K", "enum.alias", "专科起点本科"],
      [11, "C", "field.required"],
    ]);
    const precision = report.issues[0];
    expect(precision?.message).toContain("4.30103E+17");
    expect(precision?.message).toContain("15 位有效数字");
  });

  it("reads rich text, formulas, serial dates and text dates to the same values", async () => {
    const { result } = await validateFile(fixture("roster-new-messy.xlsx"), { today: TODAY, retainRows: true });
    const byRow = new Map(result.rows.map((r) => [r.row, r.values]));
    expect(byRow.get(4)).toMatchObject({ name: "张三", birthDate: "2007-03-15", enrolmentDate: "2026-09-01" });
    expect(byRow.get(5)).toMatchObject({ name: "李四", birthDate: "2004-05-01" });
    expect(byRow.get(8)).toMatchObject({ name: "赵六", ethnicity: { code: "05", name: "维吾尔族" } });
    expect(byRow.get(9)?.enrolmentDate).toBe("2026-09-01");
    expect(byRow.has(7)).toBe(false); // the blank row
    expect(byRow.has(13)).toBe(false); // the signature footer
  });

  it("computes standing from a failed-course sheet, pinned at every band", async () => {
    const { report, found } = await issuesOf("failed-courses.xlsx");
    expect(report.kind).toBe("failed-courses");
    expect(found).toEqual([
      [9, "J", "confirmed.no"],
      [16, "H", "score.passed"],
    ]);
    const outcome = Object.fromEntries(
      (report.standing ?? []).map((s) => [
        s.studentNo,
        [s.terms.map((t) => `${t.failedCredits}:${t.outcome}`).join(" "), s.yearFailedCredits, s.yearOutcome],
      ]),
    );
    expect(outcome).toEqual({
      "2023020101": ["12:warning-1", 12, "none"],
      "2023020102": ["19.5:warning-1", 19.5, "none"],
      "2023020103": ["20:warning-2", 20, "none"],
      "2023020104": ["14:warning-1 14:warning-1", 28, "repeat"],
      "2023020105": ["20:warning-2 16:warning-1", 36, "dismissal"],
      "2023020106": ["0:none", 0, "none"],
      "2023020107": ["0:none", 0, "none"],
    });
  });

  it("skips an instructions sheet in front of the graduates' data", async () => {
    const { report, found } = await issuesOf("graduates.xlsx");
    expect(report).toMatchObject({ sheet: "毕业生信息", kind: "graduates", dataRows: 4 });
    expect(found).toEqual([
      [5, "J", "enum.alias", "普通全日制"],
      [6, "E", "id.permit-hkmotw"],
      [7, "L", "date.invalid"],
    ]);
  });

  it("reads a GB18030 CSV saved by Chinese Excel, including the rounded ID it carries as text", async () => {
    const { report, found } = await issuesOf("roster-returning-gbk.csv");
    expect(report).toMatchObject({ kind: "roster-returning", headerRow: 2, dataRows: 4 });
    expect(found).toEqual([
      [4, "C", "id.precision-lost"],
      [4, "D", "enum.alias", "暂缓注册"],
      [6, "D", "enum.alias", "已注册"],
    ]);
  });

  it("requires a reason on the dismissal list", async () => {
    expect((await issuesOf("dismissal.xlsx")).found).toEqual([[6, "E", "field.required"]]);
  });

  it("reports a file that is not a workbook with a coded error", async () => {
    await expect(validateFile(fixture("not-a-workbook.xlsx"), { today: TODAY })).rejects.toMatchObject({ code: "file.corrupt" });
    await expect(validateFile(fixture("missing.xlsx"), { today: TODAY })).rejects.toMatchObject({ code: "file.not-found" });
    await expect(validateFile(fixture("make-fixtures.ts"), { today: TODAY })).rejects.toMatchObject({ code: "file.unsupported" });
  });
});
