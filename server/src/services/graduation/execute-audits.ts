import { AppError, certificateProblems } from "@xueji/shared";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { nextNoticeNo } from "../applications/notice-no";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { auditRulesInForce } from "./audit-rules-in-force";
import { type CertificateRequest, issueCertificates } from "./issue-certificates";
import { planExecution } from "./plan-execution";

const SCHOOL_FIELD_NAMES = { "school-name": "学校名称", "school-code": "学校代码", president: "校（院）长姓名", level: "层次" } as const;

/** The school's certificate data must be set before any number is given (seed 003 第十五条). */
export function assertCertificateSchool(school: Parameters<typeof certificateProblems>[0]): void {
  const missing = certificateProblems(school, "05").filter((p) => p !== "level");
  if (missing.length)
    throw new AppError("graduation.certificate-school-missing", { fields: missing.map((p) => SCHOOL_FIELD_NAMES[p]).join("、") });
}

/**
 * 执行 an approved audit (seed 002 “学校审核通过后制作毕业证书”, seed 004 学位委员会通过后进行证书制作): the
 * college's list of a cohort that the degree committee passed (stage 证书制作) changes each student's
 * status — 在读 → 毕业 or 结业, 结业 → 毕业 for a re-audited 结业 student — through the shared transition
 * rules, under one notice number, and issues each a numbered certificate dated the graduation day.
 * Running it again executes nothing twice: an audit that has its certificate is done.
 */
export async function executeAudits(
  db: Db,
  options: { actor: Actor; cohort: number; collegeId: number; graduationDate?: string | undefined; today: string },
) {
  const graduationDate = options.graduationDate ?? `${options.cohort}-06-30`;
  const rules = await auditRulesInForce(db, graduationDate);
  assertCertificateSchool(rules.certificate);
  return db.transaction(async (tx) => {
    const plan = await planExecution(tx, {
      cohort: options.cohort,
      collegeId: options.collegeId,
      school: rules.certificate,
      photo: rules.photo,
      lock: true,
    });
    if (!plan.approved) throw new AppError("graduation.not-approved");
    const changes: Array<{ student_id: number; before: string; after: string }> = [];
    const requests: CertificateRequest[] = [];
    const refused = plan.students
      .filter((a) => a.refusals.length > 0)
      .map((a) => ({ studentNo: a.studentNo, status: a.status, refusals: a.refusals }));
    for (const a of plan.students) {
      if (a.to === null) continue;
      changes.push({ student_id: a.studentId, before: a.status, after: a.to });
      requests.push({
        studentId: a.studentId,
        auditId: a.auditId,
        level: a.level,
        // A re-audited 结业 student who now passes graduates; the certificate follows the status it gets.
        outcome: a.to === "graduated" ? "graduate" : "complete",
        degreeAwarded: a.to === "graduated" && a.degree === "award",
      });
    }
    if (changes.length === 0) return { executed: 0, graduated: 0, completed: 0, refused, noticeNo: null };
    const noticeNo = await nextNoticeNo(tx, Number(options.today.slice(0, 4)));
    const payload = JSON.stringify(changes);
    await tx.execute(sql`
      update students s set status = x.after, updated_at = now()
      from jsonb_to_recordset(${payload}::jsonb) as x(student_id int, before text, after text)
      where s.id = x.student_id`);
    await tx.execute(sql`
      insert into status_changes (student_id, field, before, after, notice_no)
      select x.student_id, 'status', to_jsonb(x.before), to_jsonb(x.after), ${noticeNo}
      from jsonb_to_recordset(${payload}::jsonb) as x(student_id int, before text, after text)`);
    const certificates = await issueCertificates(tx, {
      school: rules.certificate,
      graduationDate,
      noticeNo,
      userId: options.actor.userId,
      requests,
    });
    const graduated = changes.filter((c) => c.after === "graduated").length;
    await recordEvent(tx, options.actor, {
      action: "graduation.execute",
      entity: "graduation_cohort",
      entityId: `${options.cohort}/${options.collegeId}`,
      after: {
        noticeNo,
        graduationDate,
        rulesVersion: rules.version,
        graduated,
        completed: changes.length - graduated,
        refused,
        certificates: certificates.length,
      },
    });
    return { executed: changes.length, graduated, completed: changes.length - graduated, refused, noticeNo };
  });
}
