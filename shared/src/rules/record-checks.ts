import { LEVEL } from "../codes/level";
import type { StudentStatus } from "../codes/student-status";
import { STUDENT_STATUS } from "../codes/student-status";
import { STUDY_FORM } from "../codes/study-form";
import { entryByCode } from "../codes/table";
import { fieldIssue, type Issue } from "../issues";
import type { FieldKey } from "../sheets/fields";
import type { MappedColumn } from "../sheets/header";
import type { SheetResult } from "../sheets/reader";
import type { SheetKind } from "../sheets/templates";
import type { RowValues } from "../sheets/values";

/** What the record holds of a student, for checking a sheet against it. */
export interface RecordStudent {
  studentNo: string;
  name: string;
  idNumber: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  collegeId: number;
  collegeName: string;
  status: StudentStatus;
  /**
   * What the 学历证书 carries of the student's studies (seed 003 第十五条: 专业、层次、学制、学习形式、学习起止年月),
   * compared on the graduates sheet. Absent where the caller did not load it.
   */
  certificate?: { majorName: string; level: string; duration: number; studyForm: string; enrolmentDate: string };
}

/**
 * Which statuses a student may have to appear on each sheet. A 退学 student on a returning roster
 * is a mistake (docs/domain.md §4 cross-checks); new students are 录取 until registered.
 */
export const STATUSES_ON_SHEET: Readonly<Record<SheetKind, readonly StudentStatus[]>> = {
  "roster-new": ["admitted", "reported", "enrolled"],
  "roster-returning": ["enrolled", "suspended"],
  "failed-courses": ["enrolled", "suspended", "completed"],
  graduates: ["enrolled", "completed"],
  dismissal: ["enrolled", "suspended", "admitted", "reported"],
};

// Identity fields that only the evidenced identity-change process may change (seed 000 五, seed 001 八).
const IDENTITY: ReadonlyArray<[FieldKey, (v: RowValues) => string | undefined, (s: RecordStudent) => string]> = [
  ["name", (v) => v.name, (s) => s.name],
  ["idNumber", (v) => v.idNumber?.id, (s) => s.idNumber],
  ["gender", (v) => v.gender?.code, (s) => s.gender],
  ["birthDate", (v) => v.birthDate, (s) => s.birthDate],
  ["ethnicity", (v) => v.ethnicity?.code, (s) => s.ethnicity],
];

/**
 * The certificate fields the graduates sheet (毕业生信息核对表) gives: the certificate is made from the record, so a
 * sheet that says otherwise is wrong or hides an unrecorded change (seed 003 第十五条 学历注册信息应与学历证书内容保持一致).
 * 入学日期 is compared by year and month — the certificate's 学习起止年月.
 */
type CertificateOnRecord = NonNullable<RecordStudent["certificate"]>;
const CERTIFICATE: ReadonlyArray<
  [FieldKey, (v: RowValues) => string | undefined, (c: CertificateOnRecord) => string, (c: CertificateOnRecord) => string]
> = [
  ["majorName", (v) => v.majorName?.trim(), (c) => c.majorName.trim(), (c) => c.majorName],
  ["level", (v) => v.level?.code, (c) => c.level, (c) => entryByCode(LEVEL, c.level)?.name ?? c.level],
  ["duration", (v) => (v.duration === undefined ? undefined : String(v.duration)), (c) => String(c.duration), (c) => `${c.duration}年`],
  ["studyForm", (v) => v.studyForm?.code, (c) => c.studyForm, (c) => entryByCode(STUDY_FORM, c.studyForm)?.name ?? c.studyForm],
  ["enrolmentDate", (v) => v.enrolmentDate?.slice(0, 7), (c) => c.enrolmentDate.slice(0, 7), (c) => c.enrolmentDate.slice(0, 7)],
];

const RECORDED_TEXT: Partial<Record<FieldKey, (s: RecordStudent) => string>> = {
  gender: (s) => ({ "1": "男", "2": "女" })[s.gender] ?? s.gender,
};

/**
 * Checks a read sheet against the record: the student exists in the submitting college, may
 * appear on this sheet, and the sheet does not silently change identity fields. Returns the new
 * issues, placed like the reader's; the caller adds them to the result.
 */
export function checkAgainstRecord(result: SheetResult, record: ReadonlyMap<string, RecordStudent>, collegeId: number): Issue[] {
  const found: Issue[] = [];
  if (!result.kind) return found;
  const byField = new Map<FieldKey, MappedColumn>();
  for (const c of result.columns) if (!byField.has(c.field)) byField.set(c.field, c);
  const column = (field: FieldKey): MappedColumn | undefined => byField.get(field);
  // Rows whose ID Excel rounded, found once rather than by scanning every issue for every row.
  const idLostRows = new Set<number | null>();
  for (const i of result.issues) if (i.code === "id.precision-lost") idLostRows.add(i.row);
  const place = (row: number, field: FieldKey, issue: ReturnType<typeof fieldIssue>) => {
    const c = column(field);
    found.push({ ...issue, row, column: c?.column ?? null, field: c ? field : null });
  };
  const allowed = STATUSES_ON_SHEET[result.kind];

  for (const { row, values } of result.rows) {
    const studentNo = values.studentNo;
    if (!studentNo) continue;
    const student = record.get(studentNo);
    // Another college's student reads exactly like one not in the record: a secretary's sheet must
    // not tell her which college any student number belongs to (her scope is her college, docs/domain.md).
    if (!student || student.collegeId !== collegeId) {
      place(row, "studentNo", fieldIssue("record.unknown-student", { studentNo }));
      continue;
    }
    if (!allowed.includes(student.status)) {
      const status = entryByCode(STUDENT_STATUS, student.status)?.name ?? student.status;
      place(row, "studentNo", fieldIssue("record.status-conflict", { status, sheet: result.kind }));
    }
    // 休学学生不注册 (seed 003 第十一条): the returning roster cannot register a student on 休学.
    if (result.kind === "roster-returning" && student.status === "suspended" && values.registrationStatus?.code === "registered")
      place(row, "registrationStatus", fieldIssue("record.suspended-not-registered", { value: values.registrationStatus.name }, "休学"));
    for (const [field, onSheet, onRecord] of IDENTITY) {
      const sheetValue = onSheet(values);
      if (sheetValue === undefined || sheetValue === onRecord(student)) continue;
      const recorded = (RECORDED_TEXT[field] ?? onRecord)(student);
      place(row, field, fieldIssue("record.identity-changed", { label: field, recorded }, recorded));
    }
    if (result.kind === "graduates" && student.certificate)
      for (const [field, onSheet, onRecord, shown] of CERTIFICATE) {
        const sheetValue = onSheet(values);
        if (sheetValue === undefined || sheetValue === "" || sheetValue === onRecord(student.certificate)) continue;
        const recorded = shown(student.certificate);
        place(row, field, fieldIssue("record.certificate-differs", { label: field, recorded }, recorded));
      }
    // The ID Excel rounded cannot be rebuilt from the sheet, but the record has it.
    if (idLostRows.has(row)) place(row, "idNumber", fieldIssue("record.id-on-record", { idNumber: student.idNumber }, student.idNumber));
  }
  return found;
}

/** Adds record issues to a result: issues in row order, each row's error count updated. */
export function mergeIssues(result: SheetResult, extra: readonly Issue[]): SheetResult {
  if (extra.length === 0) return result;
  const errorsByRow = new Map<number, number>();
  for (const i of extra) if (i.severity === "error" && i.row !== null) errorsByRow.set(i.row, (errorsByRow.get(i.row) ?? 0) + 1);
  const issues = [...result.issues, ...extra].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const rows = result.rows.map((r) => (errorsByRow.has(r.row) ? { ...r, errors: r.errors + (errorsByRow.get(r.row) ?? 0) } : r));
  return { ...result, issues, rows };
}

/** The record checks that say the sheet as a whole is in the wrong place (another term, college or kind), not a row. */
const WHOLE_SHEET_CODES = ["record.unknown-student", "record.other-college", "record.status-conflict"] as const;
export type WholeSheetCode = (typeof WHOLE_SHEET_CODES)[number];

/**
 * One record check that fails on most of the sheet's rows (at least half, and more than a handful)
 * is one mistake — the wrong term, college or sheet chosen — not hundreds: said once, with the
 * number of rows. Null when no check fails that widely.
 */
export function widespreadRecordIssue(
  issues: ReadonlyArray<{ code: string; row: number | null }>,
  dataRows: number,
): { code: WholeSheetCode; rows: number } | null {
  let best: { code: WholeSheetCode; rows: number } | null = null;
  for (const code of WHOLE_SHEET_CODES) {
    const rows = new Set(issues.filter((i) => i.code === code && i.row !== null).map((i) => i.row)).size;
    if (rows >= 5 && rows * 2 >= dataRows && rows > (best?.rows ?? 0)) best = { code, rows };
  }
  return best;
}
