import {
  AppError,
  checkAgainstRecord,
  DEFAULT_TEMPLATES,
  formatMessage,
  type GridRow,
  mergeIssues,
  type RecordStudent,
  readSheet,
  type SheetKind,
  type SheetResult,
  type SheetTemplate,
  type StudentStatus,
} from "@xueji/shared";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { colleges, students } from "../../db/schema";

export interface CheckSheetOptions {
  grid: readonly GridRow[];
  kind?: SheetKind;
  collegeId: number;
  today: string;
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
    })
    .from(students)
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .where(sql`${students.studentNo} in (select jsonb_array_elements_text(${JSON.stringify([...new Set(studentNos)])}::jsonb))`);
  for (const r of rows) map.set(r.studentNo, { ...r, status: r.status as StudentStatus });
  return map;
}

/**
 * The server's verdict on a sheet: the same shared reader the add-in and the command line run,
 * then the checks only the record can make (the student exists, is in this college, may be on
 * this sheet, and keeps their identity fields).
 */
export async function checkSheet(db: Executor, options: CheckSheetOptions): Promise<{ result: SheetResult; template: SheetTemplate }> {
  const read = readSheet(options.grid, { today: options.today, ...(options.kind ? { kind: options.kind } : {}) });
  if (!read.kind) {
    const first = read.issues[0];
    throw new AppError("sheet.unreadable", { detail: first ? formatMessage(first.code, first.params) : "" });
  }
  const template = DEFAULT_TEMPLATES[read.kind];
  const nos = read.rows.map((r) => r.values.studentNo).filter((n): n is string => !!n);
  const record = await loadRecordStudents(db, nos);
  return { result: mergeIssues(read, checkAgainstRecord(read, record, options.collegeId)), template };
}
