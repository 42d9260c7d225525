import {
  AppError,
  addDays,
  entryByCode,
  formatNotice,
  GENDER,
  LEVEL,
  mayIssueDocument,
  type Role,
  STUDENT_STATUS,
  type StatusDocumentKind,
} from "@xueji/shared";
import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type Db, type Executor, resultRows } from "../../db/client";
import { colleges, graduationCertificates, majors, retiredVerifyCodes, statusDocuments, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { auditRulesInForce } from "../graduation/audit-rules-in-force";
import { chineseDate, statusDocumentHtml } from "./status-document-html";
import { hashVerifyCode, newVerifyCode } from "./verify-code";

export type DocumentKind = StatusDocumentKind;
const PREFIX: Record<DocumentKind, string> = { enrolment: "ZD", education: "XL", replacement: "ZM" };
const TITLE: Record<DocumentKind, "document.enrolment-title" | "document.education-title" | "document.replacement-title"> = {
  enrolment: "document.enrolment-title",
  education: "document.education-title",
  replacement: "document.replacement-title",
};

interface DocumentOptions {
  actor: Actor & { userId: number; role: Role };
  scopeCollegeId: number | null;
  today: string;
  /** Where the public verification page lives, as printed on the paper. */
  publicBase: string;
}

/** The words a paper carries, kept with it so a reprint says what the original said. */
interface PrintedWords {
  title: string;
  body: string;
  schoolName: string;
}

/** Who a certificate may be issued for: 在读证明 for a 在读 student; 学历证明 for 毕业/结业 or a 应届 student (seed 000 三). */
function eligible(kind: DocumentKind, student: { status: string; expectedGraduationDate: string }, today: string): boolean {
  if (kind === "enrolment") return student.status === "enrolled";
  if (student.status === "graduated" || student.status === "completed") return true;
  if (kind === "replacement") return false;
  return student.status === "enrolled" && student.expectedGraduationDate <= addDays(today, 366);
}

/** 学历证明 and a 证明书 are issued by the registrar only, 在读证明 also by the college: shared's rule, which the student page asks too. */
function mayIssue(kind: DocumentKind, role: Role): void {
  if (!mayIssueDocument(role, kind)) throw new AppError("auth.forbidden", { role });
}

async function subjectOf(db: Executor, where: SQL) {
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
    .where(where)
    .limit(1);
  return s;
}
type Subject = NonNullable<Awaited<ReturnType<typeof subjectOf>>>;

const statusNameOf = (s: Subject) => entryByCode(STUDENT_STATUS, s.status)?.name ?? s.status;

/** Refuses a student the paper would misdescribe today (the same check for an issue and a reprint). */
function checkEligible(kind: DocumentKind, s: Subject, today: string): void {
  if (!eligible(kind, s, today))
    throw new AppError("document.not-eligible", {
      studentNo: s.studentNo,
      status: statusNameOf(s),
      kind: formatNotice(TITLE[kind], { kind: "毕业" }),
    });
}

/**
 * 补发毕业证明书 at 办理 (seed 000 四; seed 002 三.3 “到教务处办理，领取毕业证明书”; seed 003 第十七条): a numbered
 * 证明书 (ZM2026000001) naming the lost 学历证书 it stands for, kept with its words and marked on that certificate.
 * Numbered now, printed by the registrar from the student's papers (its first printing is not a 补打).
 */
export async function issueReplacementPaperInTx(
  tx: Executor,
  options: { studentId: number; today: string; userId: number | null; schoolName: string },
): Promise<{ documentNo: string; certificateNo: string }> {
  const s = await subjectOf(tx, eq(students.id, options.studentId));
  const [certificate] = await tx
    .select()
    .from(graduationCertificates)
    .where(and(eq(graduationCertificates.studentId, options.studentId), isNull(graduationCertificates.replacedBy)))
    .orderBy(desc(graduationCertificates.id))
    .limit(1);
  if (!s || !certificate) throw new AppError("application.no-certificate", { studentNo: s?.studentNo ?? "" });
  const kind = certificate.kind === "graduation" ? "毕业" : "结业";
  const words: PrintedWords = {
    title: formatNotice("document.replacement-title", { kind }),
    body: formatNotice("document.replacement-body", {
      name: s.name,
      studentNo: s.studentNo,
      gender: entryByCode(GENDER, s.gender)?.name ?? s.gender,
      enrolmentDate: s.enrolmentDate,
      college: s.college,
      major: s.major,
      level: entryByCode(LEVEL, s.level)?.name ?? s.level,
      duration: s.duration,
      issueDate: certificate.issueDate,
      kind,
      certificateNo: certificate.certificateNo,
    }),
    schoolName: options.schoolName || "教务处",
  };
  const year = Number(options.today.slice(0, 4));
  const [counter] = resultRows<{ last: number }>(
    await tx.execute(sql`
      insert into document_counters (key, last) values (${`replacement-${year}`}, 1)
      on conflict (key) do update set last = document_counters.last + 1 returning last`),
  );
  const documentNo = `${PREFIX.replacement}${year}${String(counter?.last).padStart(6, "0")}`;
  await tx.insert(statusDocuments).values({
    documentNo,
    kind: "replacement",
    studentId: s.id,
    // A code nobody is given: the first printing draws the one the paper carries.
    verifyCodeHash: hashVerifyCode(newVerifyCode()),
    nameShown: s.name,
    statusShown: statusNameOf(s),
    issuedOn: options.today,
    issuedBy: options.userId as number,
    printed: words,
    replacesCertificateId: certificate.id,
    awaitingPrint: true,
  });
  return { documentNo, certificateNo: certificate.certificateNo };
}

/** The title, body and school of a paper about `s`, from the record as it is today. */
async function wordsFor(db: Db, kind: DocumentKind, s: Subject, today: string): Promise<PrintedWords> {
  const [certificate] = await db
    .select()
    .from(graduationCertificates)
    // The certificate in force: a 结业证书 replaced by a 毕业证书 (结业换毕业) is no longer named.
    .where(and(eq(graduationCertificates.studentId, s.id), isNull(graduationCertificates.replacedBy)))
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
    status: statusNameOf(s),
    graduation: certificate
      ? `，于 ${certificate.issueDate} ${certificate.kind === "graduation" ? "毕业" : "结业"}，证书编号 ${certificate.certificateNo}`
      : s.status === "enrolled"
        ? `，预计 ${s.expectedGraduationDate} 毕业`
        : "",
  };
  return {
    title: formatNotice(TITLE[kind]),
    body: formatNotice(kind === "enrolment" ? "document.enrolment-body" : "document.education-body", params),
    schoolName: (await auditRulesInForce(db, today)).certificate.schoolName || "教务处",
  };
}

/** What the caller gets back: the printable page and the code, shown this once (only its hash is kept). */
function printable(
  options: DocumentOptions,
  d: { id: number; documentNo: string; kind: DocumentKind; issuedOn: string; reprintCount: number; reprintedOn: string | null },
  words: PrintedWords,
  verifyCode: string,
) {
  const verifyPath = `/verify/${verifyCode}`;
  const verifyLine = formatNotice("document.verify-hint", { url: `${options.publicBase}${verifyPath}` });
  const reprintMark =
    d.reprintCount > 0 ? formatNotice("document.reprint-mark", { n: d.reprintCount, date: chineseDate(d.reprintedOn ?? "") }) : null;
  return {
    ...d,
    verifyCode,
    verifyPath,
    html: statusDocumentHtml({ ...words, documentNo: d.documentNo, issuedOn: d.issuedOn, verifyLine, verifyCode, reprintMark }),
  };
}

/**
 * 在读证明 (seed 000 二: 学院开具 … 交学籍科审核盖教务处印章) and 学历证明 (seed 000 三: 到教务处学籍科办理):
 * a numbered, printable certificate with a fresh verification code. The code is kept only as its
 * hash: the paper carries it, the public page (/verify/<code>) shows the name, the status and the date.
 */
export async function issueStatusDocument(db: Db, options: DocumentOptions & { studentNo: string; kind: DocumentKind }) {
  mayIssue(options.kind, options.actor.role);
  const s = await subjectOf(db, eq(students.studentNo, options.studentNo));
  // Another college's student reads as unknown, as everywhere.
  if (!s || (options.scopeCollegeId !== null && s.collegeId !== options.scopeCollegeId))
    throw new AppError("student.unknown", { studentNo: options.studentNo });
  checkEligible(options.kind, s, options.today);
  const words = await wordsFor(db, options.kind, s, options.today);
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
        statusShown: statusNameOf(s),
        issuedOn: options.today,
        issuedBy: options.actor.userId,
        printed: words,
      })
      .returning({ id: statusDocuments.id });
    await recordEvent(tx, options.actor, {
      action: "document.issue",
      entity: "status_document",
      entityId: documentNo,
      after: { kind: options.kind, studentNo: s.studentNo, status: statusNameOf(s) },
    });
    const d = { id: saved?.id as number, documentNo, kind: options.kind, issuedOn: options.today, reprintCount: 0, reprintedOn: null };
    return printable(options, d, words, verifyCode);
  });
}

/**
 * 补打: the same certificate printed again — same number, same date and words, marked 补打 with its
 * count and day — under a NEW verification code. The old code is retired, not deleted: typed at the
 * public page it answers "已补打，以新证明为准" (never valid), so whoever holds the lost or spoiled
 * paper cannot pass it off, and a reader with the old paper learns to ask for the new one rather than
 * suspecting a forgery. Only who may issue the kind may reprint it, and only while the record still
 * allows the paper (a 在读证明 is not reprinted for a student who has left).
 */
export async function reprintStatusDocument(db: Db, options: DocumentOptions & { documentNo: string }) {
  const [doc] = await db.select().from(statusDocuments).where(eq(statusDocuments.documentNo, options.documentNo)).limit(1);
  const s = doc ? await subjectOf(db, eq(students.id, doc.studentId)) : undefined;
  // Another college's paper reads as unknown, like a missing one.
  if (!doc || !s || (options.scopeCollegeId !== null && s.collegeId !== options.scopeCollegeId)) throw new AppError("document.not-found");
  const kind = doc.kind as DocumentKind;
  mayIssue(kind, options.actor.role);
  checkEligible(kind, s, options.today);
  // Papers issued before the words were kept (migration 0016) are reworded from the record.
  const words = doc.printed ?? (await wordsFor(db, kind, s, options.today));
  const verifyCode = newVerifyCode();

  return db.transaction(async (tx) => {
    // Locked, so two reprints at once retire each code exactly once and count 1, 2.
    const [current] = await tx.select().from(statusDocuments).where(eq(statusDocuments.id, doc.id)).for("update");
    if (!current) throw new AppError("document.not-found");
    await tx
      .insert(retiredVerifyCodes)
      .values({ codeHash: current.verifyCodeHash, documentId: doc.id, printing: current.reprintCount, retiredOn: options.today });
    // A 证明书 numbered at 办理 and never printed: this is its first printing, not a 补打.
    const first = current.awaitingPrint;
    const reprintCount = first ? 0 : current.reprintCount + 1;
    const reprintedOn = first ? null : options.today;
    await tx
      .update(statusDocuments)
      .set({ verifyCodeHash: hashVerifyCode(verifyCode), reprintCount, reprintedOn, printed: words, awaitingPrint: false })
      .where(eq(statusDocuments.id, doc.id));
    await recordEvent(tx, options.actor, {
      action: first ? "document.issue" : "document.reprint",
      entity: "status_document",
      entityId: doc.documentNo,
      before: { reprintCount: current.reprintCount, reprintedOn: current.reprintedOn },
      after: { kind, studentNo: s.studentNo, reprintCount, reprintedOn },
    });
    const d = { id: doc.id, documentNo: doc.documentNo, kind, issuedOn: doc.issuedOn, reprintCount, reprintedOn };
    return printable(options, d, words, verifyCode);
  });
}

/** The papers issued for a student, newest first (for the place they are printed and reprinted). */
export async function listStatusDocuments(db: Db, options: { scopeCollegeId: number | null; studentNo: string }) {
  const s = await subjectOf(db, eq(students.studentNo, options.studentNo));
  if (!s || (options.scopeCollegeId !== null && s.collegeId !== options.scopeCollegeId))
    throw new AppError("student.unknown", { studentNo: options.studentNo });
  const rows = await db
    .select({
      id: statusDocuments.id,
      documentNo: statusDocuments.documentNo,
      kind: statusDocuments.kind,
      statusShown: statusDocuments.statusShown,
      issuedOn: statusDocuments.issuedOn,
      reprintCount: statusDocuments.reprintCount,
      reprintedOn: statusDocuments.reprintedOn,
    })
    .from(statusDocuments)
    .where(eq(statusDocuments.studentId, s.id))
    .orderBy(desc(statusDocuments.id));
  return rows.map((r) => ({ ...r, kind: r.kind as DocumentKind }));
}
