import { readFile } from "node:fs/promises";
import { type GridRow, type Locale, problemsByCell } from "@xueji/shared";
import { SEVERITY_FILL } from "@xueji/theme/severity";
import type { ValidationReport } from "../validate/validate-file";
import { openCopy, ownStyle } from "./workbook-copy";

/** The sheet the annotated copy adds, listing every issue (the pane's list, on paper). */
export const RESULT_SHEET = { "zh-CN": "检查结果", en: "Check results" } as const;

const LABELS = {
  "zh-CN": {
    headers: ["行", "列", "字段", "严重程度", "问题", "建议改为"],
    severity: { error: "错误", warning: "警告", info: "提示" },
    sheetWide: "整表",
    notePrefix: "学籍核对",
  },
  en: {
    headers: ["Row", "Column", "Field", "Severity", "Problem", "Suggested"],
    severity: { error: "Error", warning: "Warning", info: "Note" },
    sheetWide: "Sheet",
    notePrefix: "Xueji check",
  },
} as const;

/** Excel's ARGB for a theme colour "#RRGGBB" (fully opaque). */
export function argbOf(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

export interface AnnotateInput {
  /** The original file's bytes and name (its extension says .xlsx or .csv). */
  bytes: Buffer;
  fileName: string;
  report: ValidationReport;
  /** The grid as read, used to rebuild a CSV as a workbook (a CSV has nowhere to keep fills or notes). */
  grid: readonly GridRow[];
  locale?: Locale;
}

/**
 * An annotated copy of a checked sheet: each problem cell filled with its severity's colour (the
 * same `SEVERITY_FILL` the task pane paints in Excel) and its messages as a note, plus a 检查结果
 * sheet listing every issue. Every other cell — values, formats, fills, other sheets — is left as
 * ExcelJS read it. Used by `files.annotate` (the pane's file mode) and by
 * `xueji validate FILE --annotate OUT.xlsx`, so both give the same copy.
 */
export async function annotateWorkbook(input: AnnotateInput): Promise<Buffer> {
  const locale = input.locale ?? "zh-CN";
  const text = LABELS[locale];
  const { workbook, sheet } = await openCopy({ ...input, sheet: input.report.sheet });

  for (const [address, found] of problemsByCell(input.report.issues)) {
    const cell = sheet.getCell(address);
    ownStyle(cell);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argbOf(SEVERITY_FILL[found.severity]) } };
    cell.note = `${text.notePrefix}：\n${found.messages.map((m) => `• ${m}`).join("\n")}`;
  }

  let name: string = RESULT_SHEET[locale];
  for (let n = 2; workbook.getWorksheet(name); n++) name = `${RESULT_SHEET[locale]} (${n})`;
  const results = workbook.addWorksheet(name);
  results.columns = [{ width: 7 }, { width: 6 }, { width: 14 }, { width: 9 }, { width: 80 }, { width: 22 }];
  results.addRow([...text.headers]).font = { bold: true };
  results.views = [{ state: "frozen", ySplit: 1 }];
  for (const issue of input.report.issues) {
    const header = input.report.columns.find((c) => c.column === issue.column)?.header ?? issue.field ?? "";
    const row = results.addRow([
      issue.row ?? text.sheetWide,
      issue.column ?? "",
      header,
      text.severity[issue.severity],
      issue.message,
      issue.suggestion ?? "",
    ]);
    row.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argbOf(SEVERITY_FILL[issue.severity]) } };
    row.getCell(5).alignment = { wrapText: true, vertical: "top" };
    // Suggestions such as 学号 with leading zeros are text.
    row.getCell(6).numFmt = "@";
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `xueji validate FILE --annotate OUT.xlsx`: the same copy, from a file on disk. */
export async function annotateFile(path: string, report: ValidationReport, grid: readonly GridRow[], locale: Locale): Promise<Buffer> {
  return annotateWorkbook({ bytes: await readFile(path), fileName: path, report, grid, locale });
}
