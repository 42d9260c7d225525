import {
  checkAgainstRecord,
  formatMessage,
  type Locale,
  mergeIssues,
  type SheetKind,
  type SheetTemplate,
  toWire,
  type WireRow,
} from "@xueji/shared";
import type { Executor } from "../../db/client";
import type { ReadUpload } from "../../files/check-upload";
import { toReport, type ValidationReport } from "../../validate/validate-file";
import { loadRecordFor } from "./check-sheet";

/**
 * `files.check`'s answer to the pane: `xueji validate --json`'s report, its issues with
 * their parameters (which 一键修正 reads), and — when the pane named the term and the secretary has a
 * college — the checks against the record in the same answer, the verdict `sheets.validate` gives.
 * The grid comes back only as far as the pane shows it (the header's rows); `files.grid` gives all of it.
 */
export interface FileCheckAnswer {
  report: Omit<ValidationReport, "issues"> & {
    issues: Array<ValidationReport["issues"][number] & { params: Record<string, string | number> }>;
  };
  grid: WireRow[];
  /** The record checks are in the report. */
  withRecord: boolean;
  /** The template in force lets this kind be submitted with errors (present with the record checks). */
  allowSubmitWithErrors?: boolean;
}

/**
 * The record checks on a file the shared reader has read (off the event loop): one query for the
 * students it names, then the same checks `sheets.validate` makes — the sheet is not read twice.
 */
export async function fileCheckAnswer(
  db: Executor,
  read: ReadUpload,
  options: { locale: Locale; record: { collegeId: number; templates: Readonly<Record<SheetKind, SheetTemplate>> } | null },
): Promise<FileCheckAnswer> {
  let result = read.local;
  let allowSubmitWithErrors: boolean | undefined;
  const kind = result.kind;
  if (options.record && kind) {
    const students = await loadRecordFor(db, options.record.collegeId, result);
    result = mergeIssues(result, checkAgainstRecord(result, students, options.record.collegeId));
    allowSubmitWithErrors = options.record.templates[kind].allowSubmitWithErrors;
  }
  const report = toReport(read.file, read.sheet, result, options.locale);
  const headerRow = result.headerRow;
  return {
    report: {
      ...report,
      issues: result.issues.map((i) => ({
        row: i.row,
        column: i.column,
        field: i.field,
        code: i.code,
        severity: i.severity,
        message: formatMessage(i.code, i.params, options.locale),
        ...(i.suggestion !== undefined ? { suggestion: i.suggestion } : {}),
        params: i.params,
      })),
    },
    // The rows down to the header (the column mapping shows its cells); all of them read when there is none.
    grid: toWire(headerRow === null ? read.grid : read.grid.filter((r) => r.row <= headerRow)),
    withRecord: !!options.record && !!kind,
    ...(allowSubmitWithErrors !== undefined ? { allowSubmitWithErrors } : {}),
  };
}
