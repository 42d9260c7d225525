import { AppError, addDays, entryByCode, formatNotice, GENDER, LEVEL, type Role, STUDENT_STATUS } from "@xueji/shared";
import { desc, eq, sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { colleges, graduationCertificates, majors, statusDocuments, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { auditRulesInForce } from "../graduation/audit-rules-in-force";
import { statusDocumentHtml } from "./status-document-html";
import { hashVerifyCode, newVerifyCode } from "./verify-code";

export type DocumentKind = "enrolment" | "education";
const PREFIX: Record<DocumentKind, string> = { enrolment: "ZD", education: "XL" };
const TITLE: Record<DocumentKind, "document.enrolment-title" | "document.education-title"> = {
  enrolment: "document.enrolment-title",
  education: "document.education-title",
};

/** Who a certificate may be issued for: 在读证明 for a 在读 student; 学历证明 for 毕业/结业 or a 应届 student (seed 000 三). */
function eligible(kind: DocumentKind, student: { status: string; expectedGraduationDate: string }, today: string): boolean {
  if (kind === "enrolment") return student.status === "enrolled";
  if (student.status === "graduated" || student.status === "completed") return true;
  return student.status === "enrolled" && student.expectedGraduationDate <= addDays(today, 366);
}

/**
 * 在读证明 (seed 000 二: 学院开具 … 交学籍科审核盖教务处印章) and 学历证明 (seed 000 三: 到教务处学籍科办理):
 * a numbered, printable certificate with a fresh verification code. The code is kept only as its
 * hash: the paper carries it, the public page (/verify/<code>) shows the name, the status and the date.
 */
export async function issueStatusDocument(
  db: Db,
  options: {
    actor: Actor & { userId: number; role: Role };
    scopeCollegeId: number | null;
    studentNo: string;
    kind: DocumentKind;
    today: string;
    publicBase: string;
  },
) {
  if (options.kind === "education" && options.actor.role !== "registrar-staff")
    throw new AppError("auth.forbidden", { role: options.actor.role });
  const [s] = await db
    .select({
      id: students.id,
      studentNo: students.studentNo,
      name: students.name,
      gender: students.gender,
      collegeId: students.collegeId,
      college: colleges.name,
      major: majors.name,
      level: students.level,
      grade: students.grade,
      duration: students.duration,
      enrolmentDate: students.enrolmentDate,
      expectedGraduationDate: students.expectedGraduationDate,
      status: students.status,
    })
    .from(students)
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .where(eq(students.studentNo, options.studentNo))
    .limit(1);
  // Another college's student reads as unknown, as everywhere.
  if (!s || (options.scopeCollegeId !== null && s.collegeId !== options.scopeCollegeId))
    throw new AppError("student.unknown", { studentNo: options.studentNo });
  const statusName = entryByCode(STUDENT_STATUS, s.status)?.name ?? s.status;
  const title = formatNotice(TITLE[options.kind]);
  if (!eligible(options.kind, s, options.today))
    throw new AppError("document.not-eligible", { studentNo: s.studentNo, status: statusName, kind: title });

  const [certificate] = await db
    .select()
    .from(graduationCertificates)
    .where(eq(graduationCertificates.studentId, s.id))
    .orderBy(desc(graduationCertificates.id))
    .limit(1);
  const params = {
    name: s.name,
    studentNo: s.studentNo,
    gender: entryByCode(GENDER, s.gender)?.name ?? s.gender,
    college: s.college,
    major: s.major,
    level: entryByCode(LEVEL, s.level)?.name ?? s.level,
    grade: s.grade,
    duration: s.duration,
    enrolmentDate: s.enrolmentDate,
    status: statusName,
    graduation: certificate
      ? `，于 ${certificate.issueDate} ${certificate.kind === "graduation" ? "毕业" : "结业"}，证书编号 ${certificate.certificateNo}`
      : s.status === "enrolled"
        ? `，预计 ${s.expectedGraduationDate} 毕业`
        : "",
  };
  const body = formatNotice(options.kind === "enrolment" ? "document.enrolment-body" : "document.education-body", params);
  const schoolName = (await auditRulesInForce(db, options.today)).certificate.schoolName || "教务处";
  const verifyCode = newVerifyCode();
  const year = Number(options.today.slice(0, 4));

  return db.transaction(async (tx) => {
    const [counter] = resultRows<{ last: number }>(
      await tx.execute(sql`
        insert into document_counters (key, last) values (${`${options.kind}-${year}`}, 1)
        on conflict (key) do update set last = document_counters.last + 1 returning last`),
    );
    const documentNo = `${PREFIX[options.kind]}${year}${String(counter?.last).padStart(6, "0")}`;
    const [saved] = await tx
      .insert(statusDocuments)
      .values({
        documentNo,
        kind: options.kind,
        studentId: s.id,
        verifyCodeHash: hashVerifyCode(verifyCode),
        nameShown: s.name,
        statusShown: statusName,
        issuedOn: options.today,
        issuedBy: options.actor.userId,
      })
      .returning({ id: statusDocuments.id });
    await recordEvent(tx, options.actor, {
      action: "document.issue",
      entity: "status_document",
      entityId: documentNo,
      after: { kind: options.kind, studentNo: s.studentNo, status: statusName },
    });
    const verifyPath = `/verify/${verifyCode}`;
    const verifyLine = formatNotice("document.verify-hint", { url: `${options.publicBase}${verifyPath}` });
    return {
      id: saved?.id as number,
      documentNo,
      kind: options.kind,
      issuedOn: options.today,
      verifyCode,
      verifyPath,
      html: statusDocumentHtml({ title, documentNo, body, schoolName, issuedOn: options.today, verifyLine, verifyCode }),
    };
  });
}
