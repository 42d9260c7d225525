import { type AuditInput, REQUIRED_NATURES } from "@xueji/shared";
import { eq, type SQL, sql } from "drizzle-orm";
import { type Executor, resultRows } from "../../db/client";
import { majors, studentPhotos, students } from "../../db/schema";

/**
 * The record a graduation audit reads for a student — the cohort audit and 结业换毕业 read the same, so a
 * student is judged the same way by both.
 */
export function auditSubjects(db: Executor, where: SQL | undefined) {
  return db
    .select({
      id: students.id,
      studentNo: students.studentNo,
      collegeId: students.collegeId,
      status: students.status,
      name: students.name,
      gender: students.gender,
      birthDate: students.birthDate,
      idNumber: students.idNumber,
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
    .where(where);
}

export type AuditSubject = Awaited<ReturnType<typeof auditSubjects>>[number];

/** Failed required courses not cleared by a passed make-up or retake, per student (one query for all). */
export async function outstandingRequiredFailures(db: Executor, studentIds: readonly number[]): Promise<Map<number, number>> {
  const rows = resultRows<{ student_id: number; n: number }>(
    await db.execute(sql`
      select student_id, count(*)::int as n from (
        select student_id, coalesce(course_code, course_name) as course,
               bool_or(passed is not true) as failed,
               bool_or(passed is true and exam_type in ('makeup', 'retake')) as cleared,
               max(course_nature) as nature
        from failed_course_records
        where student_id in (select jsonb_array_elements_text(${JSON.stringify(studentIds)}::jsonb)::int)
        group by student_id, coalesce(course_code, course_name)
      ) c
      where failed and not cleared and (nature is null or nature in (select jsonb_array_elements_text(${JSON.stringify([...REQUIRED_NATURES])}::jsonb)))
      group by student_id`),
  );
  const found = new Map(rows.map((f) => [f.student_id, f.n]));
  // Imported course results (services/imports): a required course failed and never passed since, counted once;
  // a course a failed-course sheet already lists is not counted twice.
  const imported = resultRows<{ student_id: number; n: number }>(
    await db.execute(sql`
      select student_id, count(*)::int as n from (
        select c.student_id, c.course_key
        from course_results c
        where c.student_id in (select jsonb_array_elements_text(${JSON.stringify(studentIds)}::jsonb)::int)
        group by c.student_id, c.course_key
        having not bool_or(c.passed) and (max(c.nature) is null or max(c.nature) in (select jsonb_array_elements_text(${JSON.stringify([...REQUIRED_NATURES])}::jsonb)))
          and not exists (select 1 from failed_course_records f where f.student_id = c.student_id and coalesce(f.course_code, f.course_name) = c.course_key)
      ) c group by student_id`),
  );
  for (const f of imported) found.set(f.student_id, (found.get(f.student_id) ?? 0) + f.n);
  return found;
}

/** The shared audit's input for a student graduating on `graduationDate`. */
export function auditInputOf(s: AuditSubject, graduationDate: string, outstandingFailures: number): AuditInput {
  return {
    studentNo: s.studentNo,
    level: s.level,
    enrolmentDate: s.enrolmentDate,
    graduationDate,
    creditsEarned: s.earnedCredits,
    creditsRequired: s.requiredCredits,
    outstandingRequiredFailures: outstandingFailures,
    identity: {
      name: s.name,
      gender: s.gender,
      birthDate: s.birthDate,
      idNumber: s.idNumber,
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
}
