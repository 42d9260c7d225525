import { AppError, applyEvent, certificateProblems, type StatusEvent, type StudentStatus } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { nextNoticeNo } from "../applications/execute-change";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { auditRulesInForce } from "./audit-rules-in-force";
import { type CertificateRequest, issueCertificates } from "./issue-certificates";

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
    const audits = resultRows<{
      audit_id: number;
      student_id: number;
      student_no: string;
      status: StudentStatus;
      level: string;
      outcome: "graduate" | "complete";
      degree: "award" | "withhold";
      stage: string;
      done: boolean;
    }>(
      await tx.execute(sql`
        select g.id as audit_id, s.id as student_id, s.student_no, s.status, s.level, g.stage,
               coalesce(g.override_outcome, g.outcome) as outcome, coalesce(g.override_degree, g.degree) as degree,
               exists (select 1 from graduation_certificates c where c.audit_id = g.id) as done
        from graduation_audits g join students s on s.id = g.student_id
        where g.cohort = ${options.cohort} and g.college_id = ${options.collegeId}
        order by s.student_no
        for update of s`),
    );
    const approved = audits.filter((a) => a.stage === "certificates" || a.stage === "reported");
    if (approved.length === 0) throw new AppError("graduation.not-approved");
    const changes: Array<{ student_id: number; before: string; after: string }> = [];
    const requests: CertificateRequest[] = [];
    const refused: Array<{ studentNo: string; status: string }> = [];
    for (const a of approved) {
      if (a.done) continue;
      // A 结业 student the audit still finds short stays 结业: nothing to execute.
      if (a.status === "completed" && a.outcome === "complete") continue;
      const event: StatusEvent = a.status === "completed" ? "completion-to-graduation" : a.outcome === "graduate" ? "graduate" : "complete";
      const result = applyEvent(a.status, event);
      if (!result.ok || certificateProblems(rules.certificate, a.level).includes("level")) {
        refused.push({ studentNo: a.student_no, status: a.status });
        continue;
      }
      changes.push({ student_id: a.student_id, before: a.status, after: result.to });
      requests.push({
        studentId: a.student_id,
        auditId: a.audit_id,
        level: a.level,
        outcome: a.outcome,
        degreeAwarded: a.outcome === "graduate" && a.degree === "award",
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
