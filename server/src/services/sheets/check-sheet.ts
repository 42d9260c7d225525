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
import type { Executor } from "../../db/client";
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

/** The students a sheet names, fetched in one query however many rows it has. */
export async function loadRecordStudents(db: Executor, studentNos: readonly string[]): Promise<Map<string, RecordStudent>> {
  const map = new Map<string, RecordStudent>();
  if (studentNos.length === 0) return map;
  // One jsonb parameter instead of one parameter per student (PostgreSQL allows 65,535 per statement).
  const rows = await db
    .select({
      studentNo: students.studentNo,
      name: students.name,
      idNumber: students.idNumber,
      gender: students.gender,
      birthDate: students.birthDate,
      ethnicity: students.ethnicity,
      collegeId: students.collegeId,
      collegeName: colleges.name,
      status: students.status,
      majorName: majors.name,
      level: students.level,
      duration: students.duration,
      studyForm: students.studyForm,
      enrolmentDate: students.enrolmentDate,
    })
    .from(students)
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .where(sql`${students.studentNo} in (select jsonb_array_elements_text(${JSON.stringify([...new Set(studentNos)])}::jsonb))`);
  for (const { majorName, level, duration, studyForm, enrolmentDate, ...r } of rows)
    map.set(r.studentNo, {
      ...r,
      status: r.status as StudentStatus,
      certificate: { majorName, level, duration, studyForm, enrolmentDate },
    });
  return map;
}

/**
 * The server's verdict on a sheet: the same shared reader the add-in and the command line run,
 * then the checks only the record can make (the student exists, is in this college, may be on
 * this sheet, and keeps their identity fields).
 */
export async function checkSheet(db: Executor, options: CheckSheetOptions): Promise<{ result: SheetResult; template: SheetTemplate }> {
  const academicYear = options.termCode.slice(0, 9);
  const [templates, { ageLimits }] = await Promise.all([templatesInForce(db, academicYear), checkRulesInForce(db, academicYear)]);
  const read = readSheet(options.grid, {
    today: options.today,
    templates,
    ageLimits,
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
  });
  if (!read.kind) {
    const first = read.issues[0];
    throw new AppError(
      "sheet.unreadable",
      first ? { ...first.params, issue: first.code } : { issue: "sheet.no-header", rows: HEADER_SEARCH_ROWS },
    );
  }
  const template = templates[read.kind];
  const nos = read.rows.map((r) => r.values.studentNo).filter((n): n is string => !!n);
  const record = await loadRecordStudents(db, nos);
  return { result: mergeIssues(read, checkAgainstRecord(read, record, options.collegeId)), template };
}
