import { AppError, auditGraduate } from "@xueji/shared";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client";
import { graduationAudits, graduationCertificates, students } from "../../db/schema";
import { auditRulesInForce } from "./audit-rules-in-force";
import { auditInputOf, auditSubjects, outstandingRequiredFailures } from "./audit-subjects";
import { assertCertificateSchool } from "./execute-audits";
import { issueCertificates } from "./issue-certificates";

/**
 * 结业换毕业 audits a 结业 student again on today's record (seed 002 三.2 “结业生申请结业证换毕业证”: 补考 →
 * 教务处审核 → 学校领导; seed 000 六.5 “在规定的学业年限内……符合条件可以办理”), as graduating on `date`:
 * credits, required courses cleared by the make-up, within the maximum study years. The degree follows
 * its own rules, its two years counted from leaving — the 结业 certificate's date (“学位证超过两年不再补授”).
 * Read when the application is filed and again at 办理 (the record may have moved).
 */
export async function completionReaudit(db: Executor, studentId: number, date: string) {
  const [s] = await auditSubjects(db, eq(students.id, studentId)).limit(1);
  if (!s) throw new AppError("application.not-found");
  if (s.status !== "completed") throw new AppError("graduation.not-completed", { studentNo: s.studentNo });
  const rules = await auditRulesInForce(db, date);
  assertCertificateSchool(rules.certificate);
  const old = await liveCertificate(db, studentId);
  const failures = await outstandingRequiredFailures(db, [s.id]);
  const result = auditGraduate({ ...auditInputOf(s, date, failures.get(s.id) ?? 0), leftOn: old?.issueDate ?? null }, rules);
  if (result.outcome !== "graduate")
    throw new AppError("graduation.still-not-eligible", { studentNo: s.studentNo, reasons: result.reasons.map((r) => r.code).join(",") });
  return { subject: s, rules, result, old };
}

/** The student's certificate in force: the latest not replaced (seed 003 第十四条: one per student). */
export async function liveCertificate(db: Executor, studentId: number) {
  const [row] = await db
    .select()
    .from(graduationCertificates)
    .where(and(eq(graduationCertificates.studentId, studentId), isNull(graduationCertificates.replacedBy)))
    .orderBy(desc(graduationCertificates.id))
    .limit(1);
  return row;
}

/**
 * The 办理 of an approved 结业换毕业 application, inside its transaction after the status moved 结业 → 毕业:
 * the 毕业证书 dated `date` under the application's notice number, the old 结业证书 marked 换发/作废 by it,
 * and the audit record updated to what was found.
 */
export async function convertCompletionInTx(tx: Tx, options: { studentId: number; date: string; noticeNo: string; userId: number | null }) {
  const { subject: s, rules, result, old } = await completionReaudit(tx, options.studentId, options.date);
  const [latest] = await tx
    .select({ id: graduationAudits.id })
    .from(graduationAudits)
    .where(eq(graduationAudits.studentId, s.id))
    .orderBy(desc(graduationAudits.cohort))
    .limit(1);
  if (latest) {
    await tx
      .update(graduationAudits)
      .set({
        outcome: result.outcome,
        degree: result.degree,
        reasons: result.reasons,
        degreeReasons: result.degreeReasons,
        dataComplete: result.dataComplete,
        rulesVersion: rules.version,
        computedAt: new Date(),
      })
      .where(eq(graduationAudits.id, latest.id));
  }
  const [certificate] = await issueCertificates(tx, {
    school: rules.certificate,
    graduationDate: options.date,
    noticeNo: options.noticeNo,
    userId: options.userId,
    requests: [{ studentId: s.id, auditId: null, level: s.level, outcome: "graduate", degreeAwarded: result.degree === "award" }],
  });
  const [issued] = await tx
    .select({ id: graduationCertificates.id })
    .from(graduationCertificates)
    .where(eq(graduationCertificates.certificateNo, certificate?.certificateNo as string));
  if (old && issued)
    await tx
      .update(graduationCertificates)
      .set({ replacedBy: issued.id, voidedOn: options.date })
      .where(eq(graduationCertificates.id, old.id));
  return {
    certificateNo: certificate?.certificateNo as string,
    replaced: old?.certificateNo ?? null,
    degree: result.degree,
    degreeReasons: result.degreeReasons.map((r) => r.code),
  };
}
