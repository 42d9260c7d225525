import {
  type AgeLimits,
  AppError,
  type ColumnOverride,
  checkAgainstRecord,
  DEFAULT_TEMPLATES,
  type GridRow,
  HEADER_SEARCH_ROWS,
  mergeIssues,
  type RecordStudent,
  readSheet,
  SHEET_KINDS,
  type SheetKind,
  type SheetResult,
  type SheetTemplate,
  type StudentStatus,
} from "@xueji/shared";
import { eq, sql } from "drizzle-orm";
import { type Executor, resultRows } from "../../db/client";
import { colleges, majors, students } from "../../db/schema";
import { settingInForce } from "../settings/settings-store";

export interface CheckSheetOptions {
  grid: readonly GridRow[];
  kind?: SheetKind;
  /** The secretary's column mapping, passed to the reader as is. */
  columns?: ColumnOverride;
  collegeId: number;
  today: string;
  /** The term the sheet is for: its academic year picks the template versions in force. */
  termCode: string;
}

/** The five templates as in force for an academic year (settings), on top of the defaults. */
export async function templatesInForce(db: Executor, academicYear: string): Promise<Record<SheetKind, SheetTemplate>> {
  const entries = await Promise.all(
    SHEET_KINDS.map(async (kind) => {
      const setting = await settingInForce<Omit<SheetTemplate, "kind" | "version">>(db, "sheet-template", kind, academicYear);
      return [
        kind,
        { ...DEFAULT_TEMPLATES[kind], ...setting.value, kind, version: setting.version || DEFAULT_TEMPLATES[kind].version },
      ] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<SheetKind, SheetTemplate>;
}

/** The 核对规则 in force for an academic year (the students' age range), with the version that says which. */
export async function checkRulesInForce(db: Executor, academicYear: string): Promise<{ version: number; ageLimits: AgeLimits }> {
  const setting = await settingInForce<{ ageLimits: AgeLimits }>(db, "check-rules", "default", academicYear);
  return { version: setting.version, ageLimits: setting.value.ageLimits };
}

/**
 * The college's students a sheet names, fetched in one query however many rows it has. Only the
 * submitting college's: another college's student reads exactly like one not in the record
 * (checkAgainstRecord), so there is no need to fetch them — and the college's index narrows the scan.
 * The student numbers travel as one jsonb parameter (PostgreSQL allows 65,535 parameters per statement).
 */
export async function loadRecordStudents(
  db: Executor,
  collegeId: number,
  studentNos: readonly string[],
): Promise<Map<string, RecordStudent>> {
  const map = new Map<string, RecordStudent>();
  if (studentNos.length === 0) return map;
  const [college] = await db.select({ name: colleges.name }).from(colleges).where(eq(colleges.id, collegeId)).limit(1);
  if (!college) return map;
  // One row holding them all as JSON: per-row results cost more than the query itself (PGlite most). The
  // certificate fields come along for the graduates sheet's comparison with the record.
  const [found] = resultRows<{ record: string | null }>(
    await db.execute(sql`
      select json_agg(json_build_array(${students.studentNo}, ${students.name}, ${students.idNumber}, ${students.gender},
        ${students.birthDate}, ${students.ethnicity}, ${students.status}, ${majors.name}, ${students.level},
        ${students.duration}, ${students.studyForm}, ${students.enrolmentDate}))::text as record
      from ${students} join ${majors} on ${majors.id} = ${students.majorId}
      where ${students.collegeId} = ${collegeId}
        and ${students.studentNo} in (select no from jsonb_array_elements_text(${JSON.stringify([...new Set(studentNos)])}::jsonb) as sent(no))`),
  );
  type Row = [string, string, string, string, string, string, StudentStatus, string, string, number | string, string, string];
  const rows = JSON.parse(found?.record ?? "[]") as Row[];
  for (const [
    studentNo,
    name,
    idNumber,
    gender,
    birthDate,
    ethnicity,
    status,
    majorName,
    level,
    duration,
    studyForm,
    enrolmentDate,
  ] of rows) {
    map.set(studentNo, {
      studentNo,
      name,
      idNumber,
      gender,
      birthDate,
      ethnicity,
      collegeId,
      collegeName: college.name,
      status,
      certificate: { majorName, level, duration: Number(duration), studyForm, enrolmentDate },
    });
  }
  return map;
}

/** What the reader needs from the settings in force for the term: the templates and the age limits. */
export async function readerSettings(
  db: Executor,
  termCode: string,
): Promise<{ templates: Record<SheetKind, SheetTemplate>; ageLimits: AgeLimits }> {
  const academicYear = termCode.slice(0, 9);
  const [templates, { ageLimits }] = await Promise.all([templatesInForce(db, academicYear), checkRulesInForce(db, academicYear)]);
  return { templates, ageLimits };
}

/** Refuses a grid the reader found no sheet in, with the reader's first issue. */
export function mustBeReadable(read: SheetResult): asserts read is SheetResult & { kind: SheetKind } {
  if (read.kind) return;
  const first = read.issues[0];
  throw new AppError(
    "sheet.unreadable",
    first ? { ...first.params, issue: first.code } : { issue: "sheet.no-header", rows: HEADER_SEARCH_ROWS },
  );
}

/** Reads a grid with the templates and age limits in force for the term (the part that needs no record). */
export async function readWithSettings(
  db: Executor,
  options: Omit<CheckSheetOptions, "collegeId">,
): Promise<{ read: SheetResult; templates: Record<SheetKind, SheetTemplate> }> {
  const { templates, ageLimits } = await readerSettings(db, options.termCode);
  const read = readSheet(options.grid, {
    today: options.today,
    templates,
    ageLimits,
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
  });
  mustBeReadable(read);
  return { read, templates };
}

/** The student numbers a read sheet names (each once). */
export function studentNosOf(read: SheetResult): string[] {
  const nos = new Set<string>();
  for (const r of read.rows) if (r.values.studentNo) nos.add(r.values.studentNo);
  return [...nos];
}

/**
 * The server's verdict on a sheet: the same shared reader the add-in and the command line run,
 * then the checks only the record can make (the student exists, is in this college, may be on
 * this sheet, and keeps their identity fields).
 */
export async function checkSheet(db: Executor, options: CheckSheetOptions): Promise<{ result: SheetResult; template: SheetTemplate }> {
  const { read, templates } = await readWithSettings(db, options);
  const record = await loadRecordStudents(db, options.collegeId, studentNosOf(read));
  return { result: mergeIssues(read, checkAgainstRecord(read, record, options.collegeId)), template: templates[read.kind as SheetKind] };
}
