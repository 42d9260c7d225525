import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { craftXlsx, sheetXml, textCellXml } from "../files/testing/craft-zip";
import { formatReport } from "./report-text";
import { validateFile } from "./validate-file";

const dir = mkdtempSync(join(tmpdir(), "xueji-data-end-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Cells without references: each in the next column, as a row holds them. */
const row = (values: string[]) => values.map((v) => (v === "" ? "<c/>" : textCellXml(v))).join("");

describe("xueji validate: where the data ends", () => {
  it("学信网 sheets end at their data: “合计 … 48人” is not a 49th student, and the summary says where the data ended", async () => {
    const file = join(dir, "with-totals.xlsx");
    const students = Array.from({ length: 3 }, (_, i) => row([String(i + 1), `202403000${i + 1}`, `学生${"甲乙丙"[i]}`, "已注册"]));
    writeFileSync(
      file,
      craftXlsx({
        sheets: [
          {
            name: "在校生学年注册",
            xml: sheetXml([
              row(["序号", "学号", "姓名", "注册状态"]),
              ...students,
              row(["合计", "", "3人", "已注册 3 人"]),
              row(["填表人：王老师", "", "审核人：李老师", ""]),
            ]),
          },
        ],
      }),
    );
    const { report } = await validateFile(file, { today: "2026-11-23" });
    expect(report).toMatchObject({ kind: "roster-returning", dataRows: 3, dataEnd: { row: 5, lastDataRow: 4, text: "合计" } });
    expect(report.issues.map((i) => [i.row, i.code, i.severity])).toEqual([[5, "sheet.data-ended", "info"]]);
    const zh = formatReport(report, "zh-CN");
    expect(zh).toContain("数据 3 行，数据到第 5 行“合计”之前结束");
    expect(formatReport(report, "en")).toContain("Data ends before row 5, “合计”");
  });
});
