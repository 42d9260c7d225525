import { sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";

export interface CollegeRegistration {
  collegeId: number;
  collegeName: string;
  /** Returning students (在读, an earlier grade) by their 学年注册 of the year. */
  registered: number;
  deferred: number;
  notYet: number;
  /** The year's new students: 录取 (not come), 报到 (came, awaiting 电子注册), 在读 (registered). */
  admitted: number;
  reported: number;
  enrolledNew: number;
}

/**
 * 学年注册 of an academic year by college (seed 003 第十二条 “各学院…将本学院学生学年注册情况报学校教务处”):
 * returning students registered, 暂缓注册 and not yet; and the year's new students by where they stand
 * in 新生电子注册 (seed 004: 录取 → 报到 → 在读). Every college shows, even one with nobody to count.
 */
export async function registrationSummary(
  db: Db,
  options: { academicYear: string; collegeId?: number | undefined },
): Promise<CollegeRegistration[]> {
  const grade = Number(options.academicYear.slice(0, 4));
  const rows = resultRows<{
    college_id: number;
    college_name: string;
    registered: number;
    deferred: number;
    not_yet: number;
    admitted: number;
    reported: number;
    enrolled_new: number;
  }>(
    await db.execute(sql`
      select c.id as college_id, c.name as college_name,
        count(*) filter (where s.grade < ${grade} and s.status = 'enrolled' and r.status = 'registered')::int as registered,
        count(*) filter (where s.grade < ${grade} and s.status = 'enrolled' and r.status = 'deferred')::int as deferred,
        count(*) filter (where s.grade < ${grade} and s.status = 'enrolled'
          and (r.status is null or r.status not in ('registered', 'deferred')))::int as not_yet,
        count(*) filter (where s.grade = ${grade} and s.status = 'admitted')::int as admitted,
        count(*) filter (where s.grade = ${grade} and s.status = 'reported')::int as reported,
        count(*) filter (where s.grade = ${grade} and s.status = 'enrolled')::int as enrolled_new
      from colleges c
      left join students s on s.college_id = c.id
      left join registrations r on r.student_id = s.id and r.academic_year = ${options.academicYear}
      ${options.collegeId !== undefined ? sql`where c.id = ${options.collegeId}` : sql``}
      group by c.id, c.name, c.code
      order by c.code`),
  );
  return rows.map((r) => ({
    collegeId: r.college_id,
    collegeName: r.college_name,
    registered: Number(r.registered),
    deferred: Number(r.deferred),
    notYet: Number(r.not_yet),
    admitted: Number(r.admitted),
    reported: Number(r.reported),
    enrolledNew: Number(r.enrolled_new),
  }));
}
