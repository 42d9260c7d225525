import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { craftXlsx, sheetXml, textCellXml } from "../files/testing/craft-zip";
import { formatReport } from "./report-text";
import { validateFile } from "./validate-file";

const dir = mkdtempSync(join(tmpdir(), "xueji-names-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the report names what the secretary sees", () => {
  it("“names a worksheet by … the name on its tab (在校生学籍核对)”, not its part file; English joins with “, ”", async () => {
    const row = (values: string[]) => values.map((v, i) => textCellXml(v, `${String.fromCharCode(65 + i)}1`)).join("");
    const file = join(dir, "two-sheets.xlsx");
    writeFileSync(
      file,
      craftXlsx({
        sheets: [
          { name: "填表说明", xml: sheetXml([row(["请按要求填写"])]) },
          { name: "在校生学籍核对", xml: sheetXml([row(["学号", "姓名", "注册状态"]), row(["2024001", "张三", "已注册"])]) },
        ],
      }),
    );
    const { report } = await validateFile(file, { today: "2026-11-23", locale: "en" });
    expect(report.sheet).toBe("在校生学籍核对");
    const text = formatReport(report, "en");
    expect(text).toContain("(worksheet “在校生学籍核对”)");
    expect(text).toContain("Columns: A Student number, B Name, C Registration status");
    expect(formatReport(report, "zh-CN")).toContain("列：A 学号，B 姓名，C 注册状态");
  });
});

describe("the standing section", () => {
  it("says when a course failed twice in the year was counted once", () => {
    const report = {
      file: "不及格.xlsx",
      sheet: "不及格课程",
      kind: "failed-courses" as const,
      headerRow: 1,
      dataRows: 2,
      columns: [],
      issues: [],
      standing: [
        {
          studentNo: "2023030003",
          academicYear: "2025-2026",
          terms: [{ term: "2025-2026-1", failedCredits: 16, outcome: "warning-1" as const }],
          yearFailedCredits: 16,
          yearOutcome: "none" as const,
          repeatCreditsNotCounted: 16,
        },
      ],
    };
    expect(formatReport(report, "zh-CN")).toContain("学年累计 16 学分 → 无；同一课程学年内再次不及格的 16 学分只计一次");
    expect(formatReport(report, "en")).toContain(
      "year total 16 credits → none; 16 credits of a course failed again in the year counted once",
    );
  });
});
