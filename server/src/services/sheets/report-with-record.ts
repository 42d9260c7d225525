import type { ColumnOverride, GridRow, Locale, SheetKind } from "@xueji/shared";
import type { Executor } from "../../db/client";
import { toReport, type ValidationReport } from "../../validate/validate-file";
import { checkSheet } from "./check-sheet";

/**
 * A file's report with the checks against the record added — the verdict `sheets.validate` gives the
 * pane (templates in force, the college's students) — so the annotated copy carries every issue the
 * pane shows, not only the sheet's own.
 */
export async function reportWithRecord(
  db: Executor,
  options: {
    report: ValidationReport;
    grid: readonly GridRow[];
    collegeId: number;
    termCode: string;
    today: string;
    locale: Locale;
    kind?: SheetKind | undefined;
    columns?: ColumnOverride | undefined;
  },
): Promise<ValidationReport> {
  const kind = options.kind ?? options.report.kind;
  if (!kind) return options.report;
  const { result } = await checkSheet(db, {
    grid: options.grid,
    collegeId: options.collegeId,
    today: options.today,
    termCode: options.termCode,
    kind,
    ...(options.columns ? { columns: options.columns } : {}),
  });
  return toReport(options.report.file, options.report.sheet, result, options.locale);
}
