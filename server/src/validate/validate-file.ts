import {
  type AgeLimits,
  type ColumnOverride,
  createSheetReader,
  formatMessage,
  type Locale,
  type OmittedIssues,
  type SheetKind,
  type SheetResult,
  type SheetTemplate,
  type StandingResult,
} from "@xueji/shared";
import type { ReportIssue } from "@xueji/shared/wire/issue";
import { readWorksheets } from "../files/read-grid";

export type { ReportIssue };

/** The `xueji validate --json` document, also what `files.check` answers: scripts and the add-in read it, so its shape stays. */
export interface ValidationReport {
  file: string;
  sheet: string;
  kind: SheetKind | null;
  headerRow: number | null;
  dataRows: number;
  columns: Array<{ field: string; header: string; column: string }>;
  issues: ReportIssue[];
  /** Issues of a code beyond ISSUES_PER_CODE, counted and not listed (absent when none were). */
  omitted?: OmittedIssues[];
  standing?: Array<Omit<StandingResult, "ruleSet">>;
  /** Where the data ended: the totals or signature row under it (合计, 填表人 …), not read as a student. */
  dataEnd?: { row: number; lastDataRow: number | null; text: string };
}

/**
 * The issues `xueji validate` keeps of each code: a file of 1,000,000 repeated rows once held an
 * issue per row, 2.7 GB; beyond this many the report says how many more there are.
 */
export const ISSUES_PER_CODE = 1000;

export interface ValidateOptions {
  today: string;
  /** The students' age range of the 核对规则 in force; the defaults (12–80) when absent. */
  ageLimits?: AgeLimits;
  kind?: SheetKind;
  locale?: Locale;
  templates?: Readonly<Record<SheetKind, SheetTemplate>>;
  /** Keep the parsed rows in `result.rows` (default false: a report needs only counts and issues). */
  retainRows?: boolean;
  /** The secretary's column mapping (`--columns`): letter → field, null for not checked. */
  columns?: ColumnOverride;
  /** Issues kept per code (default ISSUES_PER_CODE); the rest are counted in `report.omitted`. */
  issuesPerCode?: number;
}

/**
 * Validates the first worksheet that is a check sheet (an instructions sheet in front of the data
 * is skipped). When no worksheet has a header, the first worksheet's result is reported.
 */
export async function validateFile(file: string, options: ValidateOptions): Promise<{ report: ValidationReport; result: SheetResult }> {
  let first: { name: string; result: SheetResult } | null = null;
  for await (const sheet of readWorksheets(file)) {
    const reader = createSheetReader({
      today: options.today,
      sheetName: sheet.name,
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.templates ? { templates: options.templates } : {}),
      ...(options.ageLimits ? { ageLimits: options.ageLimits } : {}),
      // The report needs counts and issues, not the rows: memory stays flat however long the file.
      retainRows: options.retainRows ?? false,
      issuesPerCode: options.issuesPerCode ?? ISSUES_PER_CODE,
      ...(options.columns ? { columns: options.columns } : {}),
    });
    for await (const row of sheet.rows) reader.push(row);
    const result = reader.finish();
    if (result.kind !== null) return { report: toReport(file, sheet.name, result, options.locale), result };
    first ??= { name: sheet.name, result };
  }
  const fallback = first as { name: string; result: SheetResult };
  return { report: toReport(file, fallback.name, fallback.result, options.locale), result: fallback.result };
}

export function toReport(file: string, sheet: string, result: SheetResult, locale: Locale = "zh-CN"): ValidationReport {
  const report: ValidationReport = {
    file,
    sheet,
    kind: result.kind,
    headerRow: result.headerRow,
    dataRows: result.dataRows,
    columns: result.columns.map(({ field, header, column }) => ({ field, header, column })),
    issues: result.issues.map((i) => ({
      row: i.row,
      column: i.column,
      field: i.field,
      code: i.code,
      severity: i.severity,
      message: formatMessage(i.code, i.params, locale),
      ...(i.suggestion !== undefined ? { suggestion: i.suggestion } : {}),
    })),
  };
  if (result.dataEnd) report.dataEnd = result.dataEnd;
  if (result.omitted) report.omitted = result.omitted;
  if (result.standing) report.standing = result.standing.map(({ ruleSet: _ruleSet, ...s }) => s);
  return report;
}
