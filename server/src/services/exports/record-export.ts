import { PassThrough, type Writable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { finished } from "node:stream/promises";
import { DEFAULT_WORKFLOWS, ETHNICITY, entryByCode, GENDER, LEVEL, POLITICAL_STATUS, STUDY_FORM, statusName } from "@xueji/shared";
import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Executor } from "../../db/client";
import {
  applicationDecisions,
  applications,
  classes,
  colleges,
  graduationAudits,
  majors,
  statusChanges,
  students,
  users,
} from "../../db/schema";
import { safeText } from "./write-text-workbook";

const nameOf = (table: Parameters<typeof entryByCode>[0], code: string | null) => (code ? (entryByCode(table, code)?.name ?? code) : "");

/** The student sheet's headers: an old system's Chinese headers, which the students import reads back (round trip). */
export const RECORD_STUDENT_HEADER = [
  "学号",
  "考生号",
  "姓名",
  "性别",
  "出生日期",
  "证件类型",
  "身份证号",
  "民族",
  "政治面貌",
  "学院",
  "专业代码",
  "专业名称",
  "班级",
  "年级",
  "层次",
  "学制",
  "学习形式",
  "入学日期",
  "预计毕业日期",
  "入学方式",
  "学籍状态",
  "已获学分",
  "平均学分绩点",
];

/** One sheet of the record: its name, its header row, and its rows as read. */
export interface RecordSheet {
  name: string;
  header: string[];
  rows: unknown[][];
}

/**
 * The whole record, read: 学生 first (its headers import back unchanged into an empty database), then each
 * student's per-field history, the applications with every decision, the graduation audits, and the
 * organisation (docs/domain.md §2, §5, §6). Read whole before a byte is written, so that a database that
 * refuses is still answered with a refusal, not a download cut short.
 */
export async function readRecord(db: Executor): Promise<RecordSheet[]> {
  const sheets: RecordSheet[] = [];
  const sheet = (name: string, header: string[], rows: unknown[][]) => {
    sheets.push({ name, header, rows });
  };
  const found = await db
    .select({ s: students, college: colleges.name, majorCode: majors.code, majorName: majors.name, className: classes.name })
    .from(students)
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .leftJoin(classes, eq(classes.id, students.classId))
    .orderBy(asc(students.studentNo));
  sheet(
    "学生",
    RECORD_STUDENT_HEADER,
    found.map(({ s, college, majorCode, majorName, className }) => [
      s.studentNo,
      s.examNo,
      s.name,
      nameOf(GENDER, s.gender),
      s.birthDate,
      s.documentType,
      s.idNumber,
      nameOf(ETHNICITY, s.ethnicity),
      nameOf(POLITICAL_STATUS, s.politicalStatus),
      college,
      majorCode,
      majorName,
      className,
      s.grade,
      nameOf(LEVEL, s.level),
      s.duration,
      nameOf(STUDY_FORM, s.studyForm),
      s.enrolmentDate,
      s.expectedGraduationDate,
      s.admissionType,
      statusName(s.status),
      s.earnedCredits,
      s.gpa,
    ]),
  );
  const history = await db
    .select({ studentNo: students.studentNo, h: statusChanges })
    .from(statusChanges)
    .innerJoin(students, eq(students.id, statusChanges.studentId))
    .orderBy(asc(statusChanges.id));
  const text = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));
  sheet(
    "学籍变动",
    ["学号", "字段", "原值", "新值", "通知单号", "异动编号", "导入编号", "时间"],
    history.map(({ studentNo, h }) => [
      studentNo,
      h.field,
      text(h.before),
      text(h.after),
      h.noticeNo,
      h.applicationId,
      h.importId,
      h.at.toISOString(),
    ]),
  );
  const apps = await db
    .select({ a: applications, studentNo: students.studentNo, name: students.name })
    .from(applications)
    .innerJoin(students, eq(students.id, applications.studentId))
    .orderBy(asc(applications.id));
  sheet(
    "学籍异动",
    ["异动编号", "学号", "姓名", "类型", "原因代码", "阶段", "状态", "提交日期", "通知单号", "办理日期"],
    apps.map(({ a, studentNo, name }) => [
      a.id,
      studentNo,
      name,
      DEFAULT_WORKFLOWS[a.type]?.name["zh-CN"] ?? a.type,
      a.reasonCode,
      a.stage,
      a.state,
      a.submittedOn,
      a.noticeNo,
      a.executedOn,
    ]),
  );
  const decisions = await db
    .select({ d: applicationDecisions, by: users.displayName })
    .from(applicationDecisions)
    .innerJoin(users, eq(users.id, applicationDecisions.userId))
    .orderBy(asc(applicationDecisions.id));
  sheet(
    "异动审批",
    ["异动编号", "操作", "原阶段", "新阶段", "审批人", "角色", "意见", "时间"],
    decisions.map(({ d, by }) => [d.applicationId, d.action, d.fromStage, d.toStage, by, d.role, d.opinion, d.at.toISOString()]),
  );
  const audits = await db
    .select({ g: graduationAudits, studentNo: students.studentNo, name: students.name })
    .from(graduationAudits)
    .innerJoin(students, eq(students.id, graduationAudits.studentId))
    .orderBy(asc(graduationAudits.cohort), asc(students.studentNo));
  sheet(
    "毕业审核",
    ["届别", "学号", "姓名", "结论", "学位", "原因", "阶段", "调整结论", "调整原因"],
    audits.map(({ g, studentNo, name }) => [
      g.cohort,
      studentNo,
      name,
      g.outcome,
      g.degree,
      text(g.reasons),
      g.stage,
      g.overrideOutcome,
      g.overrideReason,
    ]),
  );
  sheet(
    "学院",
    ["学院代码", "学院名称"],
    (await db.select().from(colleges).orderBy(asc(colleges.code))).map((c) => [c.code, c.name]),
  );
  const majorRows = await db
    .select({ m: majors, college: colleges.name })
    .from(majors)
    .innerJoin(colleges, eq(colleges.id, majors.collegeId))
    .orderBy(asc(majors.code));
  sheet(
    "专业",
    ["专业代码", "专业名称", "所属学院", "层次", "学制", "最长学习年限", "毕业学分"],
    majorRows.map(({ m, college }) => [m.code, m.name, college, nameOf(LEVEL, m.level), m.duration, m.maxStudyYears, m.requiredCredits]),
  );
  const classRows = await db
    .select({ c: classes, major: majors.name })
    .from(classes)
    .innerJoin(majors, eq(majors.id, classes.majorId))
    .orderBy(asc(classes.name));
  sheet(
    "班级",
    ["班级名称", "所属专业", "年级"],
    classRows.map(({ c, major }) => [c.name, major, c.grade]),
  );
  return sheets;
}

/**
 * Writes the record as one .xlsx to `output`, row by row (ExcelJS's streaming writer): a school's record runs to
 * tens of megabytes, and the whole workbook held in memory took some 700 MB for the demo's 1.8 MB file, and the
 * download began only once all of it was built. Every cell is text (number format “@”), so ID numbers and codes
 * arrive exactly as stored; a value Excel would read as a formula is quoted (`safeText`).
 */
export async function writeRecord(sheets: RecordSheet[], output: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  wb.creator = "学籍 Xueji";
  for (const { name, header, rows } of sheets) {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = header.map(() => ({ width: 14, style: { numFmt: "@" } }));
    const headerRow = ws.addRow(header);
    headerRow.font = { bold: true };
    headerRow.commit();
    for (const row of rows) ws.addRow(row.map(safeText)).commit();
    ws.commit();
  }
  // A reader who leaves half-way closes `output` before it finishes: ExcelJS would then wait for its end forever,
  // holding the record; `finished` says so at once.
  await Promise.all([wb.commit(), finished(output)]);
}

/** The whole record as one .xlsx in memory: for a caller that needs the bytes (a test, a round trip). */
export async function recordExport(db: Executor): Promise<Buffer> {
  const sheets = await readRecord(db);
  const collect = new PassThrough();
  const [bytes] = await Promise.all([buffer(collect), writeRecord(sheets, collect)]);
  return bytes;
}
