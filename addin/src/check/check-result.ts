import {
  type AgeLimits,
  type ColumnOverride,
  catalogue,
  DEFAULT_TEMPLATES,
  formatMessage,
  type GridRow,
  type Issue,
  type IssueCode,
  type Locale,
  mayBeSubmitted,
  type ParsedRow,
  readSheet,
  type Severity,
  type SheetKind,
  type Spreadsheet,
} from "@xueji/shared";

/** One problem as the pane lists it. `source` says whether the sheet alone shows it or the record does. */
export interface PaneIssue {
  id: number;
  row: number | null;
  column: string | null;
  field: string | null;
  code: string;
  severity: Severity;
  message: string;
  suggestion?: string;
  params: Record<string, string | number>;
  source: "sheet" | "record";
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckResult {
  kind: SheetKind | null;
  headerRow: number | null;
  columns: Array<{ field: string; header: string; column: string }>;
  issues: PaneIssue[];
  /** Parsed rows from the pane's own reader (for the safe fixes); empty in file mode. */
  rows: ParsedRow[];
  dataRows: number;
  /** The totals or signature row that ended the data (合计, 填表人 …): it and the rows below are not read. */
  dataEnd?: { row: number; text: string } | null;
  /** The server has added the record checks. */
  withRecord: boolean;
  /** The server's template in force lets this kind be submitted with errors (absent: the default template's rule). */
  allowSubmitWithErrors?: boolean;
}

/**
 * Whether 提交 is offered: asked of shared with the template in force as the server reported it (the
 * default template before the server has answered), so the pane never offers what the server refuses.
 */
export function submitAllowed(result: CheckResult): boolean {
  if (!result.kind) return false;
  const allowSubmitWithErrors = result.allowSubmitWithErrors ?? DEFAULT_TEMPLATES[result.kind].allowSubmitWithErrors;
  return mayBeSubmitted({ allowSubmitWithErrors }, count(result.issues).errors);
}

export function count(issues: readonly { severity: Severity }[]): Counts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const i of issues) {
    if (i.severity === "error") counts.errors++;
    else if (i.severity === "warning") counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** Record checks come from the server only (the pane does not hold the record). */
export function sourceOf(code: string): "sheet" | "record" {
  return code.startsWith("record.") ? "record" : "sheet";
}

/**
 * The pane's issues, each message worded here in her language and naming the spreadsheet she uses
 * (`app`: the host's mode), not the server's wording, which cannot know it.
 */
export function toPaneIssues(
  issues: ReadonlyArray<Omit<Issue, "code" | "params"> & { code: string; params?: Record<string, string | number>; message?: string }>,
  locale: Locale,
  app: Spreadsheet,
): PaneIssue[] {
  return issues.map((i, id) => ({
    id,
    row: i.row,
    column: i.column,
    field: i.field,
    code: i.code,
    severity: i.severity,
    message: Object.hasOwn(catalogue, i.code) ? formatMessage(i.code as IssueCode, i.params ?? {}, locale, app) : (i.message ?? i.code),
    ...(i.suggestion !== undefined ? { suggestion: i.suggestion } : {}),
    params: { ...(i.params ?? {}) },
    source: sourceOf(i.code),
  }));
}

/** The shared reader, run in the pane at once: the secretary sees the sheet's own problems before the server answers. */
export function checkLocally(
  grid: readonly GridRow[],
  options: {
    today: string;
    kind?: SheetKind | null;
    columns?: ColumnOverride | null;
    locale: Locale;
    /** The 核对规则 the server has in force for the term's year; absent (offline), the built-in 12–80. */
    ageLimits?: AgeLimits | null;
    /** The worksheet's name, which names the sheet as a title row does. */
    sheetName?: string;
    /** The spreadsheet the messages name (the host's mode). */
    app: Spreadsheet;
  },
): CheckResult {
  const result = readSheet(grid, {
    today: options.today,
    ...(options.sheetName ? { sheetName: options.sheetName } : {}),
    ...(options.ageLimits ? { ageLimits: options.ageLimits } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
  });
  return {
    kind: result.kind,
    headerRow: result.headerRow,
    columns: result.columns.map(({ field, header, column }) => ({ field, header, column })),
    issues: toPaneIssues(result.issues, options.locale, options.app),
    rows: result.rows,
    dataRows: result.rows.length,
    dataEnd: result.dataEnd ? { row: result.dataEnd.row, text: result.dataEnd.text } : null,
    withRecord: false,
  };
}

/** The issues that sit at a cell, as marks for the sheet. */
export function marksOf(issues: readonly PaneIssue[]): Array<{ row: number; column: string; severity: Severity; message: string }> {
  return issues.flatMap((i) =>
    i.row !== null && i.column !== null ? [{ row: i.row, column: i.column, severity: i.severity, message: i.message }] : [],
  );
}
