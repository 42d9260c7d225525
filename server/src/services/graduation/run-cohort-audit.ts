import { type AuditInput, auditGraduate, REQUIRED_NATURES } from "@xueji/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { majors, studentPhotos, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { auditRulesInForce } from "./audit-rules-in-force";

/**
 * Audits a graduating cohort (students expected to graduate in `cohort`, still 在读 or 结业):
 * computes each student's outcome with the shared rules and stores it, keeping any override and
 * the stage the list has reached. Running it again recomputes; nothing is duplicated.
 */
export async function runCohortAudit(
  db: Db,
  options: { actor: Actor; cohort: number; collegeId?: number | undefined; graduationDate?: string },
) {
  const graduationDate = options.graduationDate ?? `${options.cohort}-06-30`;
  const where = [
    sql`extract(year from ${students.expectedGraduationDate}) = ${options.cohort}`,
    inArray(students.status, ["enrolled", "completed"]),
  ];
  if (options.collegeId !== undefined) where.push(eq(students.collegeId, options.collegeId));
  const cohort = await db
    .select({
      id: students.id,
      studentNo: students.studentNo,
      collegeId: students.collegeId,
      name: students.name,
      gender: students.gender,
      birthDate: students.birthDate,
      level: students.level,
      duration: students.duration,
      studyForm: students.studyForm,
      enrolmentDate: students.enrolmentDate,
      earnedCredits: students.earnedCredits,
      gpa: students.gpa,
      facts: students.facts,
      majorName: majors.name,
      requiredCredits: majors.requiredCredits,
      width: studentPhotos.width,
      height: studentPhotos.height,
      bytes: studentPhotos.bytes,
    })
    .from(students)
    .innerJoin(majors, eq(majors.id, students.majorId))
    .leftJoin(studentPhotos, eq(studentPhotos.studentId, students.id))
    .where(and(...where));
  if (cohort.length === 0) return { audited: 0, graduate: 0, complete: 0 };
  const rules = await auditRulesInForce(db, graduationDate);

  // Failed required courses not cleared by a passed make-up or retake, per student.
  const failures = resultRows<{ student_id: number; n: number }>(
    await db.execute(sql`
      select student_id, count(*)::int as n from (
        select student_id, coalesce(course_code, course_name) as course,
               bool_or(passed is not true) as failed,
               bool_or(passed is true and exam_type in ('makeup', 'retake')) as cleared,
               max(course_nature) as nature
        from failed_course_records
        where student_id in (select jsonb_array_elements_text(${JSON.stringify(cohort.map((s) => s.id))}::jsonb)::int)
        group by student_id, coalesce(course_code, course_name)
      ) c
      where failed and not cleared and (nature is null or nature in (select jsonb_array_elements_text(${JSON.stringify([...REQUIRED_NATURES])}::jsonb)))
      group by student_id`),
  );
  const failuresOf = new Map(failures.map((f) => [f.student_id, f.n]));

  const rows = cohort.map((s) => {
    const input: AuditInput = {
      studentNo: s.studentNo,
      level: s.level,
      enrolmentDate: s.enrolmentDate,
      graduationDate,
      creditsEarned: s.earnedCredits,
      creditsRequired: s.requiredCredits,
      outstandingRequiredFailures: failuresOf.get(s.id) ?? 0,
      identity: {
        name: s.name,
        gender: s.gender,
        birthDate: s.birthDate,
        majorName: s.majorName,
        level: s.level,
        duration: s.duration,
        studyForm: s.studyForm,
        enrolmentDate: s.enrolmentDate,
      },
      duration: s.duration,
      facts: { ...(s.facts as Record<string, string | number | boolean | null>), gpa: s.gpa, earnedCredits: s.earnedCredits },
      photo: s.width === null || s.height === null || s.bytes === null ? null : { width: s.width, height: s.height, bytes: s.bytes },
    };
    const result = auditGraduate(input, rules);
    return {
      cohort: options.cohort,
      student_id: s.id,
      college_id: s.collegeId,
      outcome: result.outcome,
      degree: result.degree,
      reasons: result.reasons,
      degree_reasons: result.degreeReasons,
      data_complete: result.dataComplete,
      rules_version: rules.version,
    };
  });
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 5000) {
      await tx.execute(sql`
        insert into graduation_audits (cohort, student_id, college_id, outcome, degree, reasons, degree_reasons, data_complete, rules_version)
        select cohort, student_id, college_id, outcome, degree, reasons, degree_reasons, data_complete, rules_version
        from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)
          as x(cohort int, student_id int, college_id int, outcome text, degree text, reasons jsonb, degree_reasons jsonb, data_complete boolean, rules_version int)
        on conflict on constraint graduation_audits_once do update set
          outcome = excluded.outcome, degree = excluded.degree, reasons = excluded.reasons, degree_reasons = excluded.degree_reasons,
          data_complete = excluded.data_complete, rules_version = excluded.rules_version, computed_at = now()`);
    }
    await recordEvent(tx, options.actor, {
      action: "graduation.run",
      entity: "graduation_cohort",
      entityId: String(options.cohort),
      after: { collegeId: options.collegeId ?? null, audited: rows.length, graduate: rows.filter((r) => r.outcome === "graduate").length },
    });
  });
  return {
    audited: rows.length,
    graduate: rows.filter((r) => r.outcome === "graduate").length,
    complete: rows.filter((r) => r.outcome === "complete").length,
  };
}
