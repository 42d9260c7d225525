import { addDays, entryByCode, LEVEL, STUDENT_STATUS } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";

export interface HeadcountRow {
  collegeId: number;
  collegeName: string;
  majorId: number;
  majorCode: string;
  majorName: string;
  level: string;
  grade: number;
  status: string;
  statusName: string;
  count: number;
}

/**
 * 学籍统计 (seed 001 十 “按学籍异动情况统计本专科各专业人数报学校有关领导、有关部门”): headcount by college ×
 * major × grade × status as of the end of a date (China time). The record is read back through its
 * history: a student's college, major, grade and status as of the date are the values before the
 * first change recorded after it; students who enrolled after the date are not counted.
 */
export async function headcount(db: Db, options: { date: string; collegeId?: number | undefined }): Promise<HeadcountRow[]> {
  const cut = `${addDays(options.date, 1)}T00:00:00+08:00`;
  const rows = resultRows<{
    college_id: number;
    college_name: string;
    major_id: number;
    major_code: string;
    major_name: string;
    level: string;
    grade: number;
    status: string;
    n: number;
  }>(
    await db.execute(sql`
      with firsts as (
        select distinct on (student_id, field) student_id, field, before #>> '{}' as before
        from status_changes
        where at >= ${cut}::timestamptz and field in ('status', 'collegeId', 'majorId', 'grade')
        order by student_id, field, id
      ), then_values as (
        select student_id,
               max(before) filter (where field = 'status') as status,
               max(before) filter (where field = 'collegeId') as college_id,
               max(before) filter (where field = 'majorId') as major_id,
               max(before) filter (where field = 'grade') as grade
        from firsts group by student_id
      ), as_of as (
        select coalesce(t.college_id::int, s.college_id) as college_id,
               coalesce(t.major_id::int, s.major_id) as major_id,
               coalesce(t.grade::int, s.grade) as grade,
               coalesce(t.status, s.status) as status
        from students s left join then_values t on t.student_id = s.id
        where s.enrolment_date <= ${options.date}::date
      )
      select a.college_id, c.name as college_name, a.major_id, m.code as major_code, m.name as major_name, m.level,
             a.grade, a.status, count(*)::int as n
      from as_of a join colleges c on c.id = a.college_id join majors m on m.id = a.major_id
      ${options.collegeId !== undefined ? sql`where a.college_id = ${options.collegeId}` : sql``}
      group by a.college_id, c.name, c.code, a.major_id, m.code, m.name, m.level, a.grade, a.status
      order by c.code, m.code, m.level, a.grade, a.status`),
  );
  return rows.map((r) => ({
    collegeId: r.college_id,
    collegeName: r.college_name,
    majorId: r.major_id,
    majorCode: r.major_code,
    majorName: r.major_name,
    level: r.level,
    grade: Number(r.grade),
    status: r.status,
    statusName: entryByCode(STUDENT_STATUS, r.status)?.name ?? r.status,
    count: Number(r.n),
  }));
}

/** The headcount as text-only rows for the .xlsx (a total row last). */
export function headcountRows(rows: readonly HeadcountRow[]): string[][] {
  const body = rows.map((r) => [
    r.collegeName,
    r.majorCode,
    r.majorName,
    entryByCode(LEVEL, r.level)?.name ?? r.level,
    String(r.grade),
    r.statusName,
    String(r.count),
  ]);
  return [...body, ["合计", "", "", "", "", "", String(rows.reduce((n, r) => n + r.count, 0))]];
}

export const HEADCOUNT_HEADER = ["学院", "专业代码", "专业名称", "层次", "年级", "学籍状态", "人数"];
