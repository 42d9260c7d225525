import {
  AppError,
  applyEvent,
  DOCUMENT_LABELS,
  demotedRecord,
  documentKindOf,
  entryByCode,
  eventOf,
  STUDENT_STATUS,
  type StatusEvent,
  type StudentStatus,
  type Workflow,
} from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { type applications, classes, majors, statusChanges, students } from "../../db/schema";
import { auditRulesInForce } from "../graduation/audit-rules-in-force";
import { convertCompletionInTx } from "../graduation/convert-completion";
import { issueReplacementPaperInTx } from "../reports/issue-status-document";

type ApplicationRow = typeof applications.$inferSelect;
type FieldChange = { field: string; before: unknown; after: unknown };

/**
 * 办理: applies the status change to the student through the shared transition rules (an
 * impossible change is refused) and writes each changed field, before and after.
 */
export async function executeChange(
  tx: Tx,
  application: ApplicationRow,
  workflow: Workflow,
  noticeNo: string,
  by: { today: string; userId: number | null },
): Promise<{ changes: FieldChange[]; certificate?: Awaited<ReturnType<typeof convertCompletionInTx>> }> {
  const [student] = await tx.select().from(students).where(eq(students.id, application.studentId)).for("update").limit(1);
  if (!student) throw new AppError("application.not-found");
  const changes: FieldChange[] = [];
  const change = <K extends keyof typeof students.$inferInsert>(field: K, after: (typeof students.$inferInsert)[K]) => {
    const before = student[field as keyof typeof student];
    if (before === after) return;
    changes.push({ field, before, after });
  };

  if (workflow.event) {
    // 休学期满未复学 is the dismissal of a suspended student (docs/domain.md §2).
    const event = eventOf(application.type, workflow, student.status as StudentStatus) as StatusEvent;
    const result = applyEvent(student.status as StudentStatus, event);
    if (!result.ok) {
      throw new AppError("application.transition-refused", {
        status: entryByCode(STUDENT_STATUS, student.status)?.name ?? student.status,
        type: application.type,
      });
    }
    change("status", result.to);
  }
  const wanted = application.changes as Record<string, number | string>;
  if (application.type === "change-major") {
    const [major] = await tx
      .select()
      .from(majors)
      .where(eq(majors.id, Number(wanted.majorId)))
      .limit(1);
    if (major) {
      change("majorId", major.id);
      change("collegeId", major.collegeId);
      change("level", major.level);
    }
    change("classId", wanted.classId !== undefined ? Number(wanted.classId) : null);
  }
  if (application.type === "demotion" || application.type === "academic-demotion") {
    // 降级 joins a later grade: the expected graduation moves by the same number of years.
    const demoted = demotedRecord(student, Number(wanted.grade));
    change("grade", demoted.grade);
    change("expectedGraduationDate", demoted.expectedGraduationDate);
    if (wanted.classId !== undefined) {
      const [klass] = await tx
        .select()
        .from(classes)
        .where(eq(classes.id, Number(wanted.classId)))
        .limit(1);
      if (klass) change("classId", klass.id);
    }
  }
  // 结业换毕业: audited again while still 结业, then the 毕业证书 replaces the 结业 one, dated the day it is carried out.
  const certificate =
    application.type === "completion-to-graduation"
      ? await convertCompletionInTx(tx, { studentId: student.id, date: by.today, noticeNo, userId: by.userId })
      : undefined;
  // 补发毕业证明书: the numbered 证明书 naming the lost certificate (seed 000 四; seed 003 第十七条).
  if (application.type === "certificate-replacement") {
    const schoolName = (await auditRulesInForce(tx, by.today)).certificate.schoolName;
    const paper = await issueReplacementPaperInTx(tx, { studentId: student.id, today: by.today, userId: by.userId, schoolName });
    changes.push({ field: "replacementPaper", before: paper.certificateNo, after: paper.documentNo });
    await tx.insert(statusChanges).values({
      studentId: student.id,
      applicationId: application.id,
      field: "replacementPaper",
      before: paper.certificateNo,
      after: paper.documentNo,
      noticeNo,
    });
    return { changes };
  }
  await writeFieldChanges(tx, student.id, application.id, changes, noticeNo);
  return certificate ? { changes, certificate } : { changes };
}

/** Writes the changed fields to the student and each change, before and after, to the history. */
async function writeFieldChanges(
  tx: Tx,
  studentId: number,
  applicationId: number,
  changes: readonly FieldChange[],
  noticeNo: string | null,
): Promise<void> {
  if (changes.length === 0) return;
  await tx
    .update(students)
    .set({ ...Object.fromEntries(changes.map((c) => [c.field, c.after])), updatedAt: new Date() })
    .where(eq(students.id, studentId));
  await tx
    .insert(statusChanges)
    .values(changes.map((c) => ({ studentId, applicationId, field: c.field, before: c.before, after: c.after, noticeNo })));
}

/** 学籍信息修改 and 学历勘误 take effect only when the provincial authority approves (生效): then the fields change. */
export async function applyIdentityChange(tx: Tx, application: ApplicationRow): Promise<FieldChange[]> {
  const [student] = await tx.select().from(students).where(eq(students.id, application.studentId)).for("update").limit(1);
  if (!student) throw new AppError("application.not-found");
  const wanted = application.changes as Record<string, string>;
  const changes: FieldChange[] = [];
  for (const field of ["name", "idNumber", "gender", "birthDate", "ethnicity"] as const) {
    if (wanted[field] !== undefined && wanted[field] !== student[field])
      changes.push({ field, before: student[field], after: wanted[field] });
  }
  // The record keeps the 证件类型 the new number is read by, in 学信网's name for it.
  const document = wanted.documentType !== undefined ? documentKindOf(wanted.documentType) : null;
  const documentType = document ? DOCUMENT_LABELS[document]?.["zh-CN"] : undefined;
  if (documentType && documentType !== student.documentType)
    changes.push({ field: "documentType", before: student.documentType, after: documentType });
  await writeFieldChanges(tx, student.id, application.id, changes, application.noticeNo);
  return changes;
}
