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
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
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

/**
 * The five templates as in force for an academic year (settings), on top of the defaults. Its version is the
 * setting's, 0 for the template as shipped (as settingByVersion reads it back): the first published version is 1.
 */
export async function templatesInForce(db: Executor, academicYear: string): Promise<Record<SheetKind, SheetTemplate>> {
  const entries = await Promise.all(
    SHEET_KINDS.map(async (kind) => {
      const setting = await settingInForce<Omit<SheetTemplate, "kind" | "version">>(db, "sheet-template", kind, academicYear);
      return [kind, { ...DEFAULT_TEMPLATES[kind], ...setting.value, kind, version: setting.version }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<SheetKind, SheetTemplate>;
}

/** The 核对规则 in force for an academic year (the students' age range), with the version that says which. */
export async function checkRulesInForce(db: Executor, academicYear: string): Promise<{ version: number; ageLimits: AgeLimits }> {
  const setting = await settingInForce<{ ageLimits: AgeLimits }>(db, "check-rules", "default", academicYear);
  return { version: setting.version, ageLimits: setting.value.ageLimits };
}

/** The record's fields a check can compare: those some row of the sheet gives, and the certificate's on the graduates sheet. */
export interface RecordNeeds {
  name: boolean;
  idNumber: boolean;
  gender: boolean;
  birthDate: boolean;
  ethnicity: boolean;
  certificate: boolean;
}

const ALL_FIELDS: RecordNeeds = { name: true, idNumber: true, gender: true, birthDate: true, ethnicity: true, certificate: true };

/**
 * The student numbers a read sheet names (each once) and the record fields its rows give, in one pass:
 * checkAgainstRecord compares only the fields a row has, so a roster of 学号 and 姓名 needs two columns
 * of the record, not twelve (the rest of a 50,000-row answer is megabytes never looked at).
 */
export function recordQuestion(read: SheetResult): { studentNos: string[]; needs: RecordNeeds } {
  const nos = new Set<string>();
  const needs: RecordNeeds = { name: false, idNumber: false, gender: false, birthDate: false, ethnicity: false, certificate: false };
  needs.certificate = read.kind === "graduates";
  for (const { values } of read.rows) {
    if (values.studentNo) nos.add(values.studentNo);
    if (values.name !== undefined) needs.name = true;
    if (values.idNumber !== undefined) needs.idNumber = true;
    if (values.gender !== undefined) needs.gender = true;
    if (values.birthDate !== undefined) needs.birthDate = true;
    if (values.ethnicity !== undefined) needs.ethnicity = true;
  }
  return { studentNos: [...nos], needs };
}

/** The record's side of a read sheet: the college's students it names, with the fields its rows give. */
export function loadRecordFor(db: Executor, collegeId: number, read: SheetResult): Promise<Map<string, RecordStudent>> {
  const { studentNos, needs } = recordQuestion(read);
  return loadRecordStudents(db, collegeId, studentNos, needs);
}

/** The record's fields a sheet can be compared on, as the query's JSON gives them. */
interface StudentColumns {
  studentNo: string;
  status: StudentStatus;
  name: string;
  idNumber: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  majorName: string;
  level: string;
  duration: number | string;
  studyForm: string;
  enrolmentDate: string;
}

/**
 * The college's students a sheet names, fetched in one query however many rows it has. Only the
 * submitting college's: another college's student reads exactly like one not in the record
 * (checkAgainstRecord), so there is no need to fetch them — and the college's index narrows the scan.
 * The student numbers travel as one jsonb parameter (PostgreSQL allows 65,535 parameters per statement).
 * Fields not in `needs` come back empty: the caller promises no check compares them.
 */
export async function loadRecordStudents(
  db: Executor,
  collegeId: number,
  studentNos: readonly string[],
  needs: RecordNeeds = ALL_FIELDS,
): Promise<Map<string, RecordStudent>> {
  const map = new Map<string, RecordStudent>();
  if (studentNos.length === 0) return map;
  // Column by column (one JSON array per field the sheet gives, the same rows in the same order: every
  // aggregate of one query reads its rows in one pass): a third of the cost of one array per student, whose
  // building was most of the query on PGlite. Fields not asked for are not sent at all.
  type Column = readonly [keyof StudentColumns, SQL | AnyColumn];
  const columns: Column[] = [
    ["studentNo", students.studentNo],
    ["status", students.status],
  ];
  const ask = (wanted: boolean, ...asked: Column[]) => {
    if (wanted) columns.push(...asked);
  };
  ask(needs.name, ["name", students.name]);
  ask(needs.idNumber, ["idNumber", students.idNumber]);
  ask(needs.gender, ["gender", students.gender]);
  ask(needs.birthDate, ["birthDate", students.birthDate]);
  ask(needs.ethnicity, ["ethnicity", students.ethnicity]);
  // The certificate's fields need the major's name: the join only for the sheet that compares them.
  ask(
    needs.certificate,
    ["majorName", majors.name],
    ["level", students.level],
    ["duration", students.duration],
    ["studyForm", students.studyForm],
    ["enrolmentDate", students.enrolmentDate],
  );
  const join = needs.certificate ? sql`join ${majors} on ${majors.id} = ${students.majorId}` : sql``;
  const aggregates = sql.join(
    columns.map(([, column]) => sql`json_agg(${column})`),
    sql`, `,
  );
  // One row holding them all as JSON: per-row results cost more than the query itself (PGlite most). One
  // statement, the college's name with it: a submission on PostgreSQL puts it in the pool's queue before
  // its own transaction asks for a connection, so the transaction never waits for a query queued behind it.
  const [found] = resultRows<{ college: string | null; record: string | null }>(
    await db.execute(sql`
      select (select ${colleges.name} from ${colleges} where ${colleges.id} = ${collegeId}) as college,
        (select json_build_array(${aggregates})::text
      from ${students} ${join}
      where ${students.collegeId} = ${collegeId}
        and ${students.studentNo} in (select no from jsonb_array_elements_text(${JSON.stringify(studentNos)}::jsonb) as sent(no))) as record`),
  );
  if (!found?.college) return map;
  const collegeName = found.college;
  // No student found: each aggregate is null.
  const answered = JSON.parse(found.record ?? "[]") as Array<unknown[] | null>;
  const got = {} as { [K in keyof StudentColumns]?: StudentColumns[K][] };
  columns.forEach(([key], i) => {
    (got as Record<string, unknown[]>)[key] = answered[i] ?? [];
  });
  const { studentNo: nos = [], status: statuses = [] } = got;
  const at = <K extends keyof StudentColumns>(key: K, i: number): StudentColumns[K] | "" => got[key]?.[i] ?? "";
  for (let i = 0; i < nos.length; i++) {
    const studentNo = nos[i] as string;
    const student: RecordStudent = {
      studentNo,
      name: at("name", i),
      idNumber: at("idNumber", i),
      gender: at("gender", i),
      birthDate: at("birthDate", i),
      ethnicity: at("ethnicity", i),
      collegeId,
      collegeName,
      status: statuses[i] as StudentStatus,
    };
    if (needs.certificate)
      student.certificate = {
        majorName: at("majorName", i),
        level: at("level", i),
        duration: Number(at("duration", i)),
        studyForm: at("studyForm", i),
        enrolmentDate: at("enrolmentDate", i),
      };
    map.set(studentNo, student);
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

/**
 * The server's verdict on a sheet: the same shared reader the add-in and the command line run,
 * then the checks only the record can make (the student exists, is in this college, may be on
 * this sheet, and keeps their identity fields).
 */
export async function checkSheet(db: Executor, options: CheckSheetOptions): Promise<{ result: SheetResult; template: SheetTemplate }> {
  const { read, templates } = await readWithSettings(db, options);
  const record = await loadRecordFor(db, options.collegeId, read);
  return { result: mergeIssues(read, checkAgainstRecord(read, record, options.collegeId)), template: templates[read.kind as SheetKind] };
}
