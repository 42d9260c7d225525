import { AppError, applyEvent, auditGraduate } from "@xueji/shared";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { graduationAudits, students } from "../../db/schema";
import { nextNoticeNo } from "../applications/execute-change";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { auditRulesInForce } from "./audit-rules-in-force";
import { auditInputOf, auditSubjects, outstandingRequiredFailures } from "./audit-subjects";
import { assertCertificateSchool } from "./execute-audits";
import { issueCertificates } from "./issue-certificates";

/**
 * 结业换毕业 (seed 002 “结业生申请结业证换毕业证”: 补考 → 教务处审核 → 结业证换毕业证; seed 000 六.5
 * “在规定的学业年限内……符合条件可以办理”): a 结业 student is audited again on today's record, with the
 * rules in force, as graduating on `date`. Passing — credits, required courses cleared by the
 * make-up, still within the maximum study years — changes 结业 → 毕业 under a notice number and
 * issues a 毕业证书 dated `date`; the degree follows its own rules (no degree more than two years
 * after the normal duration). Not passing is refused with the reasons.
 */
export async function convertCompletion(
  db: Db,
  options: { actor: Actor; studentNo: string; scopeCollegeId: number | null; date: string; reason?: string; today: string },
) {
  const [s] = await auditSubjects(db, eq(students.studentNo, options.studentNo)).limit(1);
  if (!s) throw new AppError("student.unknown", { studentNo: options.studentNo });
  if (options.scopeCollegeId !== null && s.collegeId !== options.scopeCollegeId) throw new AppError("auth.other-college");
  if (s.status !== "completed") throw new AppError("graduation.not-completed", { studentNo: s.studentNo });
  const rules = await auditRulesInForce(db, options.date);
  assertCertificateSchool(rules.certificate);

  const failures = await outstandingRequiredFailures(db, [s.id]);
  const input = auditInputOf(s, options.date, failures.get(s.id) ?? 0);
  const result = auditGraduate(input, rules);
  if (result.outcome !== "graduate") {
    throw new AppError("graduation.still-not-eligible", {
      studentNo: s.studentNo,
      reasons: result.reasons.map((r) => r.code).join(","),
    });
  }
  const transition = applyEvent("completed", "completion-to-graduation");
  if (!transition.ok) throw new AppError("graduation.not-completed", { studentNo: s.studentNo });

  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ id: graduationAudits.id })
      .from(graduationAudits)
      .where(and(eq(graduationAudits.studentId, s.id)))
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
    const noticeNo = await nextNoticeNo(tx, Number(options.today.slice(0, 4)));
    const [locked] = await tx.select({ status: students.status }).from(students).where(eq(students.id, s.id)).for("update");
    if (locked?.status !== "completed") throw new AppError("graduation.not-completed", { studentNo: s.studentNo });
    await tx.update(students).set({ status: transition.to, updatedAt: new Date() }).where(eq(students.id, s.id));
    await tx.execute(sql`
      insert into status_changes (student_id, field, before, after, notice_no)
      values (${s.id}, 'status', to_jsonb('completed'::text), to_jsonb(${transition.to}::text), ${noticeNo})`);
    const [certificate] = await issueCertificates(tx, {
      school: rules.certificate,
      graduationDate: options.date,
      noticeNo,
      userId: options.actor.userId,
      requests: [{ studentId: s.id, auditId: null, level: s.level, outcome: "graduate", degreeAwarded: result.degree === "award" }],
    });
    await recordEvent(tx, options.actor, {
      action: "graduation.completion-to-graduation",
      entity: "student",
      entityId: s.studentNo,
      before: { status: "completed" },
      after: {
        status: transition.to,
        noticeNo,
        certificateNo: certificate?.certificateNo,
        degree: result.degree,
        degreeReasons: result.degreeReasons,
        ...(options.reason ? { reason: options.reason } : {}),
      },
    });
    return {
      studentNo: s.studentNo,
      status: transition.to,
      noticeNo,
      certificateNo: certificate?.certificateNo as string,
      degree: result.degree,
      degreeReasons: result.degreeReasons.map((r) => r.code),
    };
  });
}
