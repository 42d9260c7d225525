import {
  type AuditRules,
  applyEvent,
  type CertificateDataProblem,
  type CertificateSchool,
  certificateDataProblems,
  certificateProblems,
  type StatusEvent,
  type StudentStatus,
} from "@xueji/shared";
import { sql } from "drizzle-orm";
import { type Executor, resultRows } from "../../db/client";

/**
 * Why a student on an approved list is not carried out. `status`: the record's status allows no 毕业/结业
 * (a student on 休学 meanwhile); `level`: the level has no certificate (预科); the rest are the certificate
 * data seed 003 第十五条 requires (学历注册信息: 姓名、性别、出生日期、照片 …), as the audit found them.
 */
export type ExecutionRefusal = { code: "status"; status: string } | { code: "level"; level: string } | CertificateDataProblem;

export interface PlannedStudent {
  auditId: number;
  studentId: number;
  studentNo: string;
  name: string;
  majorName: string;
  level: string;
  status: StudentStatus;
  outcome: "graduate" | "complete";
  degree: "award" | "withhold";
  /** What the execution does: the status it sets, or null when nothing (done already, still 结业, refused). */
  to: StudentStatus | null;
  /** The certificate issued before (this list was executed for the student already). */
  issuedNo: string | null;
  refusals: ExecutionRefusal[];
}

/**
 * The one decision of what executing a college's approved list does, student by student — read by the
 * preview and by the execution itself (which passes `lock` inside its transaction), so the preview shows
 * exactly what carrying it out will do. Only a list at 证书制作 or 上报 is approved (seed 004 学位委员会通过后
 * 进行证书制作); `approved` is false when there is none.
 */
export async function planExecution(
  db: Executor,
  options: { cohort: number; collegeId: number; school: CertificateSchool; photo?: AuditRules["photo"]; lock?: boolean },
): Promise<{ approved: boolean; students: PlannedStudent[] }> {
  const rows = resultRows<{
    audit_id: number;
    student_id: number;
    student_no: string;
    name: string;
    major_name: string;
    status: StudentStatus;
    level: string;
    outcome: "graduate" | "complete";
    degree: "award" | "withhold";
    stage: string;
    gender: string | null;
    birth_date: string | null;
    id_number: string | null;
    duration: number | null;
    study_form: string | null;
    enrolment_date: string | null;
    width: number | null;
    height: number | null;
    bytes: number | null;
    issued_no: string | null;
  }>(
    await db.execute(sql`
      select g.id as audit_id, s.id as student_id, s.student_no, s.name, m.name as major_name, s.status, s.level, g.stage,
             coalesce(g.override_outcome, g.outcome) as outcome, coalesce(g.override_degree, g.degree) as degree,
             s.gender, s.birth_date::text as birth_date, s.id_number, s.duration::float as duration, s.study_form,
             s.enrolment_date::text as enrolment_date, p.width, p.height, p.bytes,
             (select c.certificate_no from graduation_certificates c where c.audit_id = g.id order by c.id limit 1) as issued_no
      from graduation_audits g join students s on s.id = g.student_id join majors m on m.id = s.major_id
        left join student_photos p on p.student_id = s.id
      where g.cohort = ${options.cohort} and g.college_id = ${options.collegeId}
        and g.stage in ('certificates', 'reported')
      order by s.student_no
      ${options.lock ? sql`for update of s` : sql``}`),
  );
  const students = rows.map((a): PlannedStudent => {
    const base = {
      auditId: a.audit_id,
      studentId: a.student_id,
      studentNo: a.student_no,
      name: a.name,
      majorName: a.major_name,
      level: a.level,
      status: a.status,
      outcome: a.outcome,
      degree: a.degree,
      issuedNo: a.issued_no,
    };
    // Executed before, or a 结业 student the audit still finds short: nothing to do (running it again executes nothing twice).
    if (a.issued_no !== null || (a.status === "completed" && a.outcome === "complete")) return { ...base, to: null, refusals: [] };
    const event: StatusEvent = a.status === "completed" ? "completion-to-graduation" : a.outcome === "graduate" ? "graduate" : "complete";
    const result = applyEvent(a.status, event);
    const refusals: ExecutionRefusal[] = [];
    if (!result.ok) refusals.push({ code: "status", status: a.status });
    if (certificateProblems(options.school, a.level).includes("level")) refusals.push({ code: "level", level: a.level });
    // The record as it is now, not as the audit found it: a photo uploaded or a field filled in since counts, and
    // one removed since refuses (seed 003 第十五条 — the number goes on the certificate 学信网 registers).
    const identity = {
      name: a.name,
      gender: a.gender,
      birthDate: a.birth_date,
      idNumber: a.id_number,
      majorName: a.major_name,
      level: a.level,
      duration: a.duration,
      studyForm: a.study_form,
      enrolmentDate: a.enrolment_date,
    };
    const photo = a.width === null || a.height === null || a.bytes === null ? null : { width: a.width, height: a.height, bytes: a.bytes };
    refusals.push(...certificateDataProblems(identity, photo, options.photo));
    return { ...base, to: result.ok && refusals.length === 0 ? result.to : null, refusals };
  });
  return { approved: rows.length > 0, students };
}
