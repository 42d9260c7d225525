import type { Issue, SheetResult } from "@xueji/shared";

export interface IssueSummary {
  rows: number;
  rowsWithErrors: number;
  errors: number;
  warnings: number;
  infos: number;
  /** How many times each issue code occurs. */
  byCode: Record<string, number>;
}

export function summarise(result: SheetResult): IssueSummary {
  const byCode: Record<string, number> = {};
  const count = { error: 0, warning: 0, info: 0 };
  for (const i of result.issues as Issue[]) {
    byCode[i.code] = (byCode[i.code] ?? 0) + 1;
    count[i.severity]++;
  }
  return {
    rows: result.rows.length,
    rowsWithErrors: result.rows.filter((r) => r.errors > 0).length,
    errors: count.error,
    warnings: count.warning,
    infos: count.info,
    byCode,
  };
}

/** A summary as the submission's row holds it. */
export function summaryColumns(summary: IssueSummary) {
  return {
    rowCount: summary.rows,
    rowsWithErrors: summary.rowsWithErrors,
    errorCount: summary.errors,
    warningCount: summary.warnings,
    infoCount: summary.infos,
    issueCounts: summary.byCode,
  };
}
