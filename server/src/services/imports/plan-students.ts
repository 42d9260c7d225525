import {
  DOCUMENT_LABELS,
  documentKindOf,
  ETHNICITY,
  entryByCode,
  fieldIssue,
  GENDER,
  type ImportColumnAt,
  type ImportRow,
  type ImportValues,
  type Issue,
  intakeYearOf,
  LEVEL,
  POLITICAL_STATUS,
  PREPARATORY_LEVEL,
  STUDY_FORM,
  type StudentStatus,
  statusName,
  statusReachable,
  studentNoPrefix,
} from "@xueji/shared";
import type { Executor } from "../../db/client";
import { classes, colleges, majors, students } from "../../db/schema";
import { addChange, addIssues, addMissing, type FieldChange, type ImportReport } from "./import-report";

type StudentRecord = typeof students.$inferSelect;
const RESIDENT_DOCUMENT = "居民身份证";
/** Statuses that hold a live 普通全日制学籍 (seed 003 第七条). */
const LIVE_STATUSES = new Set(["enrolled", "suspended"]);
/** Statuses before 新生学籍电子注册: the registered fields may still be corrected by a file. */
const UNREGISTERED_STATUSES = new Set(["admitted", "reported", "admission-kept"]);
/** 专业名称 (ZYMC), 层次 (CC), 学习形式 (XXXS), 学制 (XZ): as the import report names them. */
const LOCKED_AFTER_REGISTRATION = new Set(["majorName", "level", "studyForm", "duration"]);
/** The identity and certificate fields the graduates' data freeze holds (seed 000 六.1; seed 003 第十五条). */
const FROZEN_FIELDS = new Set(["idType", "name", "gender", "birthDate", "ethnicity", "enrolmentDate", "expectedGraduationDate"]);
type College = typeof colleges.$inferSelect;
type Major = typeof majors.$inferSelect;
type ClassRow = typeof classes.$inferSelect;

/** The fields an import sets, as the students table holds them (codes, ids). */
export interface StudentTarget {
  studentNo: string;
  examNo: string | null;
  idNumber: string;
  /** 证件类型 as 学信网 names it (居民身份证 unless the file's 证件类型 / ZJLX column says otherwise). */
  documentType: string;
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  politicalStatus: string | null;
  collegeId: number;
  majorId: number;
  /** Resolved at commit: a class the import creates has no id before. */
  className: string | null;
  grade: number;
  level: string;
  duration: number;
  studyForm: string;
  enrolmentDate: string;
  expectedGraduationDate: string;
  admissionType: string | null;
  status: string;
}

export interface StudentPlan {
  creates: StudentTarget[];
  updates: Array<{ id: number; target: StudentTarget; changes: FieldChange[] }>;
  /** name → major, grade of classes to create. */
  newClasses: Map<string, { majorId: number; grade: number }>;
  classIds: Map<string, number>;
}

/** What the record holds, loaded once per import (a university has tens of thousands of students). */
export async function loadRecord(db: Executor) {
  const [all, collegeRows, majorRows, classRows] = await Promise.all([
    db.select().from(students),
    db.select().from(colleges),
    db.select().from(majors),
    db.select().from(classes),
  ]);
  const byNo = new Map(all.map((s) => [s.studentNo, s]));
  const byId = new Map(all.map((s) => [s.idNumber, s]));
  const byExamNo = new Map(all.filter((s) => s.examNo).map((s) => [s.examNo as string, s]));
  return { all, byNo, byId, byExamNo, colleges: collegeRows, majors: majorRows, classes: classRows };
}
type Record_ = Awaited<ReturnType<typeof loadRecord>>;

const codeName = (table: Parameters<typeof entryByCode>[0], code: string | null) =>
  code ? (entryByCode(table, code)?.name ?? code) : null;

/**
 * The students of a file against the record (docs/domain.md §2): who would be created, which fields
 * of whom would change (before → after), who is left alone. A student the file does not name is
 * never touched. Refused at the cell: a 学号 with another ID number, an ID number of another 学号,
 * an unknown major or college, a move to another college (转专业), a status the record cannot reach.
 */
export function createStudentPlanner(
  record: Record_,
  report: ImportReport,
  options: {
    mode: "students" | "admissions";
    pattern: string | null;
    today: string;
    /** The year's graduates whose data is frozen today (seed 000 六.1), and the day the freeze began. */
    frozen?: { ids: ReadonlySet<number>; from: string | null };
  },
) {
  const frozenIds = options.frozen?.ids ?? new Set<number>();
  const freezeFrom = options.frozen?.from ?? null;
  const plan: StudentPlan = {
    creates: [],
    updates: [],
    newClasses: new Map(),
    classIds: new Map(record.classes.map((c) => [c.name, c.id])),
  };
  const collegeById = new Map(record.colleges.map((c) => [c.id, c]));
  const majorById = new Map(record.majors.map((m) => [m.id, m]));
  const classByName = new Map(record.classes.map((c) => [c.name, c]));
  const serials = new Map<string, number>();
  let columns: ImportColumnAt[] = [];

  const findCollege = (text: string): College | undefined => record.colleges.find((c) => c.name === text || c.code === text);
  const findMajor = (v: ImportValues): Major | null | undefined => {
    const level = v.level?.code;
    const pick = (list: Major[]) => list.find((m) => m.level === level) ?? (list.length === 1 || !level ? list[0] : undefined);
    if (v.majorCode) return pick(record.majors.filter((m) => m.code === v.majorCode));
    if (v.majorName) return pick(record.majors.filter((m) => m.name === v.majorName));
    return null;
  };

  function nextStudentNo(target: { year: number; college: College; major: Major }): string | null {
    if (!options.pattern) return null;
    const prefix = studentNoPrefix(options.pattern, { year: target.year, college: target.college.code, major: target.major.code });
    if (!prefix) return null;
    let last = serials.get(prefix.prefix);
    if (last === undefined) {
      last = 0;
      for (const s of record.all) {
        if (!s.studentNo.startsWith(prefix.prefix) || s.studentNo.length !== prefix.prefix.length + prefix.digits) continue;
        const n = Number(s.studentNo.slice(prefix.prefix.length));
        if (Number.isInteger(n) && n > last) last = n;
      }
    }
    last++;
    serials.set(prefix.prefix, last);
    return `${prefix.prefix}${String(last).padStart(prefix.digits, "0")}`;
  }

  function plan1(row: ImportRow) {
    const issues: Issue[] = [...row.issues];
    const at = (key: string) => columns.find((c) => c.key === key)?.column ?? null;
    const fail = (key: string, found: ReturnType<typeof fieldIssue>) =>
      issues.push({ ...found, row: row.row, column: at(key), field: key });
    const v = row.values;
    const done = () => addIssues(report, issues);
    if (issues.some((i) => i.severity === "error")) return done();

    // The student as the record knows them: by 学号, or for an admission list by 考生号 / ID number.
    let existing = v.studentNo ? record.byNo.get(v.studentNo) : undefined;
    if (!existing && options.mode === "admissions" && !v.studentNo) {
      existing = (v.examNo ? record.byExamNo.get(v.examNo) : undefined) ?? (v.idNumber ? record.byId.get(v.idNumber.id) : undefined);
    }
    const idNumber = v.idNumber?.id as string;
    // 证件类型 (学信网 ZJLX): a document 学信网 knows, its number already read by that document's format (import-reader).
    const documentKind = v.idType ? documentKindOf(v.idType) : null;
    if (v.idType && !documentKind) {
      fail("idType", fieldIssue("id.document-unknown", { value: v.idType }));
      return done();
    }
    if (existing && existing.idNumber !== idNumber) {
      fail(v.studentNo ? "studentNo" : "idNumber", fieldIssue("import.student-no-other-id", { value: existing.studentNo }));
      return done();
    }
    // seed 003 第七条: one 普通全日制学籍 at a time. An admission whose 身份证号 already holds a live 学籍 in the record
    // (在读, 休学) is not that student's record to update: it is refused at the cell, naming the 学号 that holds it.
    if (
      existing &&
      options.mode === "admissions" &&
      !v.studentNo &&
      LIVE_STATUSES.has(existing.status) &&
      existing.examNo !== (v.examNo ?? null)
    ) {
      fail("idNumber", fieldIssue("import.live-status-held", { studentNo: existing.studentNo, status: statusName(existing.status) }));
      return done();
    }
    const holder = record.byId.get(idNumber);
    if (!existing && holder) {
      fail("idNumber", fieldIssue("import.id-other-student", { studentNo: holder.studentNo }));
      return done();
    }

    let major = findMajor(v);
    if (major === undefined) {
      const key = v.majorCode ? "majorCode" : "majorName";
      const value = v.majorCode ?? v.majorName ?? "";
      addMissing(report.missing.majors, v.majorName && v.majorCode ? `${v.majorCode} ${v.majorName}` : value);
      fail(key, fieldIssue("import.unknown-major", { value }));
      return done();
    }
    if (major === null) {
      if (!existing) {
        fail("majorName", fieldIssue("field.required", { label: "majorName" }));
        return done();
      }
      major = majorById.get(existing.majorId) as Major;
    }
    const majorCollege = collegeById.get(major.collegeId) as College;
    if (v.college) {
      const named = findCollege(v.college);
      if (!named) {
        addMissing(report.missing.colleges, v.college);
        fail("college", fieldIssue("import.unknown-college", { value: v.college }));
        return done();
      }
      if (named.id !== majorCollege.id) {
        if (existing && existing.collegeId !== named.id) {
          const from = collegeById.get(existing.collegeId)?.name ?? "";
          fail("college", fieldIssue("import.college-change", { from, to: named.name }));
        } else
          fail(
            "college",
            fieldIssue("import.major-other-college", { major: major.name, majorCollege: majorCollege.name, value: v.college }),
          );
        return done();
      }
    }
    if (existing && existing.collegeId !== major.collegeId) {
      const from = collegeById.get(existing.collegeId)?.name ?? "";
      fail(
        v.college ? "college" : v.majorCode ? "majorCode" : "majorName",
        fieldIssue("import.college-change", { from, to: majorCollege.name }),
      );
      return done();
    }

    const status = (v.studentStatus?.code ??
      existing?.status ??
      (options.mode === "admissions" ? "admitted" : "enrolled")) as StudentStatus;
    if (existing && !statusReachable(existing.status as StudentStatus, status)) {
      fail("studentStatus", fieldIssue("import.status-unreachable", { from: statusName(existing.status), to: statusName(status) }));
      return done();
    }
    const grade =
      v.grade ??
      (v.enrolmentDate ? Number(v.enrolmentDate.slice(0, 4)) : undefined) ??
      existing?.grade ??
      // A 录取名单 without 年级 is the latest intake's; a roster without one, this calendar year's.
      (options.mode === "admissions" ? intakeYearOf(options.today) : Number(options.today.slice(0, 4)));
    const className = v.className ?? null;
    if (className) {
      const known = classByName.get(className);
      if (known && known.majorId !== major.id) {
        fail("className", fieldIssue("import.class-other-major", { value: className, major: majorById.get(known.majorId)?.name ?? "" }));
        return done();
      }
      if (!known && !plan.newClasses.has(className)) {
        plan.newClasses.set(className, { majorId: major.id, grade });
        report.newClasses.push(className);
        issues.push({
          ...fieldIssue("import.class-created", { value: className }),
          row: row.row,
          column: at("className"),
          field: "className",
        });
      }
    }

    const duration = v.duration ?? existing?.duration ?? major.duration;
    const enrolmentDate = v.enrolmentDate ?? existing?.enrolmentDate ?? `${grade}-09-01`;
    let studentNo = v.studentNo ?? existing?.studentNo ?? null;
    if (!studentNo) {
      studentNo = nextStudentNo({ year: Number(enrolmentDate.slice(0, 4)), college: majorCollege, major });
      if (!studentNo) {
        fail("studentNo", fieldIssue("import.no-student-no"));
        return done();
      }
    }
    // seed 003 第五条: “对按预科录取的新生注册为预科，不得直接注册为本科或专科”.
    const level = v.level?.code ?? existing?.level ?? major.level;
    const admissionType = v.admissionType ?? existing?.admissionType ?? null;
    if (admissionType?.includes("预科") && level !== PREPARATORY_LEVEL) {
      fail(v.level ? "level" : "admissionType", fieldIssue("import.preparatory-level", { level: codeName(LEVEL, level) ?? level }));
      return done();
    }
    const target: StudentTarget = {
      studentNo,
      examNo: v.examNo ?? existing?.examNo ?? null,
      idNumber,
      documentType: documentKind
        ? (DOCUMENT_LABELS[documentKind] as { "zh-CN": string })["zh-CN"]
        : (existing?.documentType ?? RESIDENT_DOCUMENT),
      name: v.name as string,
      gender: v.gender?.code as string,
      birthDate: v.birthDate ?? (v.idNumber?.birthDate as string),
      ethnicity: v.ethnicity?.code as string,
      politicalStatus: v.politicalStatus?.code ?? existing?.politicalStatus ?? null,
      collegeId: major.collegeId,
      majorId: major.id,
      className: className ?? (existing?.classId ? (record.classes.find((c) => c.id === existing?.classId)?.name ?? null) : null),
      grade,
      level,
      duration,
      studyForm: v.studyForm?.code ?? existing?.studyForm ?? "1",
      enrolmentDate,
      expectedGraduationDate:
        v.expectedGraduationDate ?? existing?.expectedGraduationDate ?? `${Number(enrolmentDate.slice(0, 4)) + Math.ceil(duration)}-06-30`,
      admissionType,
      status,
    };
    addIssues(report, issues);
    if (!existing) {
      plan.creates.push(target);
      record.byNo.set(studentNo, { ...target, id: 0 } as unknown as StudentRecord);
      addChange(report, { row: row.row, key: studentNo, name: target.name, action: "create", fields: [] });
      return;
    }
    const changes = diff(existing, target, majorById, record.classes);
    // ZYMC/CC/XXXS/XZ are registered with 学信网 (seed 003 第四、十条): once a student is registered, 专业, 层次, 学习形式 and
    // 学制 change only through a 学籍异动 (转专业 …), never by a file.
    if (!UNREGISTERED_STATUSES.has(existing.status)) {
      const locked = changes.filter((c) => LOCKED_AFTER_REGISTRATION.has(c.field));
      if (locked.length) {
        for (const c of locked)
          fail(c.field, fieldIssue("import.registered-field-locked", { label: c.field, before: c.before ?? "", after: c.after ?? "" }));
        return done();
      }
    }
    const frozen = frozenIds.has(existing.id) ? changes.filter((c) => FROZEN_FIELDS.has(c.field)) : [];
    if (frozen.length) {
      for (const c of frozen) fail(c.field, fieldIssue("import.graduate-data-frozen", { label: c.field, from: freezeFrom ?? "" }));
      return done();
    }
    if (changes.length === 0) {
      report.unchanged++;
      return;
    }
    plan.updates.push({ id: existing.id, target, changes });
    addChange(report, { row: row.row, key: studentNo, name: target.name, action: "update", fields: changes });
  }

  return {
    plan,
    setColumns(found: ImportColumnAt[]) {
      columns = found;
    },
    onRow(row: ImportRow) {
      report.rows++;
      plan1(row);
    },
  };
}

const DATE_FIELDS = new Set(["birthDate", "enrolmentDate", "expectedGraduationDate"]);

/** The fields that differ, each as the registrar reads it (names, not codes). */
function diff(s: StudentRecord, t: StudentTarget, majorById: Map<number, Major>, classRows: ClassRow[]): FieldChange[] {
  const changes: FieldChange[] = [];
  const className = s.classId ? (classRows.find((c) => c.id === s.classId)?.name ?? null) : null;
  const compare = (
    field: string,
    before: string | number | null,
    after: string | number | null,
    show = (x: string | number | null) => (x === null ? null : String(x)),
  ) => {
    const b = before === null ? null : String(before);
    const a = after === null ? null : String(after);
    if (b !== a && !(DATE_FIELDS.has(field) && b?.slice(0, 10) === a?.slice(0, 10)))
      changes.push({ field, before: show(before), after: show(after) });
  };
  compare("examNo", s.examNo, t.examNo);
  compare("idType", s.documentType, t.documentType);
  compare("name", s.name, t.name);
  compare("gender", s.gender, t.gender, (x) => codeName(GENDER, x as string));
  compare("birthDate", s.birthDate, t.birthDate);
  compare("ethnicity", s.ethnicity, t.ethnicity, (x) => codeName(ETHNICITY, x as string));
  compare("politicalStatus", s.politicalStatus, t.politicalStatus, (x) => codeName(POLITICAL_STATUS, x as string | null));
  compare("majorName", s.majorId, t.majorId, (x) => (x === null ? null : (majorById.get(Number(x))?.name ?? String(x))));
  compare("className", className, t.className);
  compare("grade", s.grade, t.grade);
  compare("level", s.level, t.level, (x) => codeName(LEVEL, x as string));
  compare("duration", Number(s.duration), Number(t.duration));
  compare("studyForm", s.studyForm, t.studyForm, (x) => codeName(STUDY_FORM, x as string));
  compare("enrolmentDate", s.enrolmentDate, t.enrolmentDate);
  compare("expectedGraduationDate", s.expectedGraduationDate, t.expectedGraduationDate);
  compare("admissionType", s.admissionType, t.admissionType);
  compare("studentStatus", s.status, t.status, (x) => (x === null ? null : statusName(String(x))));
  return changes;
}
