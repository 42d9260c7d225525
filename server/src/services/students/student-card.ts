import { AppError, maskIdNumber, ROLES_SEEING_ID_NUMBERS, type Role } from "@xueji/shared";
import { asc, desc, eq, getTableColumns } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  applications,
  classes,
  colleges,
  graduationCertificates,
  majors,
  pendingItems,
  registrations,
  statusChanges,
  students,
} from "../../db/schema";
import { jsonAsStored } from "../json-column";
import { maskDeep } from "../masking";
import { classesNamed } from "./classes-named";
import { freezeStateOf } from "./graduate-freeze";

/**
 * A student's card: the record (ID number masked for roles that must not see it), registrations by
 * year, the history of every field an executed change altered, the applications and the standing
 * outcomes. `assertCollege` is the caller's: a college role sees its own college's students only.
 */
export async function studentCard(
  db: Db,
  options: { studentNo: string; role: Role; today: string; assertCollege: (collegeId: number) => void },
) {
  const [row] = await db
    .select({ student: students, collegeName: colleges.name, majorName: majors.name, className: classes.name })
    .from(students)
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .leftJoin(classes, eq(classes.id, students.classId))
    .where(eq(students.studentNo, options.studentNo))
    .limit(1);
  if (!row) throw new AppError("student.unknown", { studentNo: options.studentNo });
  options.assertCollege(row.student.collegeId);
  const id = row.student.id;
  const [history, apps, pending, regs, certificates] = await Promise.all([
    db.select(historyColumns).from(statusChanges).where(eq(statusChanges.studentId, id)).orderBy(asc(statusChanges.id)),
    db
      .select({
        id: applications.id,
        type: applications.type,
        stage: applications.stage,
        state: applications.state,
        filedAt: applications.filedAt,
        noticeNo: applications.noticeNo,
        executedOn: applications.executedOn,
      })
      .from(applications)
      .where(eq(applications.studentId, id))
      .orderBy(desc(applications.id)),
    db
      .select({
        id: pendingItems.id,
        kind: pendingItems.kind,
        academicYear: pendingItems.academicYear,
        termCode: pendingItems.termCode,
        state: pendingItems.state,
        figures: pendingItems.figures,
      })
      .from(pendingItems)
      .where(eq(pendingItems.studentId, id))
      .orderBy(desc(pendingItems.id)),
    db.select().from(registrations).where(eq(registrations.studentId, id)),
    // The 学历证书 issued, a replaced one (结业换毕业) with the day it became void.
    db
      .select({
        certificateNo: graduationCertificates.certificateNo,
        kind: graduationCertificates.kind,
        issueDate: graduationCertificates.issueDate,
        degreeAwarded: graduationCertificates.degreeAwarded,
        degreeAwardedOn: graduationCertificates.degreeAwardedOn,
        voidedOn: graduationCertificates.voidedOn,
      })
      .from(graduationCertificates)
      .where(eq(graduationCertificates.studentId, id))
      .orderBy(asc(graduationCertificates.id)),
  ]);
  const { pinyinInitials: _initials, ...student } = row.student;
  // seed 000 六.1: whether the year's graduates' data freeze holds this student today, and its lift.
  const freeze = await freezeStateOf(db, row.student, options.today);
  const namedClasses = await classesNamed(db, history);
  const seesIds = ROLES_SEEING_ID_NUMBERS.has(options.role);
  return {
    student: { ...student, idNumber: seesIds ? student.idNumber : maskIdNumber(student.idNumber), idNumberMasked: !seesIds },
    collegeName: row.collegeName,
    majorName: row.majorName,
    className: row.className,
    registrations: regs,
    // An identity change (身份证件号 corrected) carries the old and new ID numbers: masked like the record's own.
    history: maskDeep(options.role, history),
    classes: namedClasses,
    applications: apps,
    pending,
    certificates,
    freeze: freeze.applies ? { from: freeze.from, lift: freeze.lift } : null,
  };
}

/** A change's before and after as stored: an ID number (a string of digits) must not come back as a rounded number (json-column.ts). */
const historyColumns = {
  ...getTableColumns(statusChanges),
  before: jsonAsStored(statusChanges.before),
  after: jsonAsStored(statusChanges.after),
};
