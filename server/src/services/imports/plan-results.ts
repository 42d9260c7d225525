import { fieldIssue, type ImportColumnAt, type ImportRow, type Issue } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { type Executor, resultRows } from "../../db/client";
import { statusChanges, students } from "../../db/schema";
import { afterCursor, type Keyset, type PageOptions, toPage, withoutKeys } from "../paging";
import { addChange, addIssues, type FieldChange, type ImportReport } from "./import-report";

const BATCH = 5_000;

interface Result {
  row: number;
  studentId: number;
  studentNo: string;
  name: string;
  term: string;
  courseKey: string;
  courseCode: string | null;
  courseName: string;
  credits: number;
  score: string;
  passed: boolean;
  gradePoint: number | null;
  nature: string | null;
  examType: string;
}

/**
 * Course results per term (学号, 学年学期, 课程, 学分, 成绩, 课程性质, 考核方式, 绩点), streamed in batches of
 * 5,000: each batch is compared with the record in one query and, when committing, upserted in one
 * statement. Afterwards each touched student's earned credits (a course counts once, when any attempt
 * passed) and GPA (where the file carries 绩点) are recomputed set-based, with their history.
 */
export async function createResultsPlanner(db: Executor, report: ImportReport, options: { write: boolean; importId: number | null }) {
  const known = new Map<string, { id: number; name: string }>();
  for (const s of await db.select({ id: students.id, studentNo: students.studentNo, name: students.name }).from(students))
    known.set(s.studentNo, { id: s.id, name: s.name });
  const touched = new Set<number>();
  let columns: ImportColumnAt[] = [];
  let batch = new Map<string, Result>();

  async function flush(): Promise<void> {
    if (batch.size === 0) return;
    const items = [...batch.values()];
    batch = new Map();
    const keys = JSON.stringify(items.map((r) => ({ s: r.studentId, t: r.term, c: r.courseKey, e: r.examType })));
    const existing = resultRows<{
      student_id: number;
      term: string;
      course_key: string;
      exam_type: string;
      course_name: string;
      credits: string;
      score: string | null;
      grade_point: string | null;
      nature: string | null;
    }>(
      await db.execute(sql`
        select c.student_id, c.term, c.course_key, c.exam_type, c.course_name, c.credits::text, c.score, c.grade_point::text, c.nature
        from course_results c join jsonb_to_recordset(${keys}::jsonb) as x(s int, t text, c text, e text)
          on c.student_id = x.s and c.term = x.t and c.course_key = x.c and c.exam_type = x.e`),
    );
    const before = new Map(existing.map((e) => [`${e.student_id}\u0001${e.term}\u0001${e.course_key}\u0001${e.exam_type}`, e]));
    const changed: Result[] = [];
    for (const r of items) {
      const e = before.get(`${r.studentId}\u0001${r.term}\u0001${r.courseKey}\u0001${r.examType}`);
      const key = `${r.studentNo} · ${r.term} · ${r.courseName}`;
      if (!e) {
        changed.push(r);
        addChange(report, { row: r.row, key, name: r.name, action: "create", fields: [] });
        continue;
      }
      const fields: FieldChange[] = [];
      const compare = (field: string, b: string | null, a: string | null) => {
        if ((b ?? "") !== (a ?? "")) fields.push({ field, before: b, after: a });
      };
      compare("courseName", e.course_name, r.courseName);
      compare("credits", e.credits === null ? null : String(Number(e.credits)), String(r.credits));
      compare("score", e.score, r.score);
      compare("gpa", e.grade_point === null ? null : String(Number(e.grade_point)), r.gradePoint === null ? null : String(r.gradePoint));
      compare("courseNature", e.nature, r.nature);
      if (fields.length === 0) {
        report.unchanged++;
        continue;
      }
      changed.push(r);
      addChange(report, { row: r.row, key, name: r.name, action: "update", fields });
    }
    for (const r of changed) touched.add(r.studentId);
    if (!options.write || changed.length === 0) return;
    const json = JSON.stringify(changed.map(({ row: _row, studentNo: _no, name: _name, ...r }) => r));
    await db.execute(sql`
      insert into course_results (student_id, term, course_key, course_code, course_name, credits, score, passed, grade_point, nature, exam_type, import_id)
      select x."studentId", x.term, x."courseKey", x."courseCode", x."courseName", x.credits, x.score, x.passed, x."gradePoint", x.nature, x."examType", ${options.importId}
      from jsonb_to_recordset(${json}::jsonb) as x("studentId" int, term text, "courseKey" text, "courseCode" text, "courseName" text,
        credits numeric, score text, passed boolean, "gradePoint" numeric, nature text, "examType" text)
      on conflict (student_id, term, course_key, exam_type) do update set
        course_code = excluded.course_code, course_name = excluded.course_name, credits = excluded.credits, score = excluded.score,
        passed = excluded.passed, grade_point = excluded.grade_point, nature = excluded.nature, import_id = excluded.import_id`);
  }

  return {
    setColumns(found: ImportColumnAt[]) {
      columns = found;
    },
    async onRow(row: ImportRow): Promise<void> {
      report.rows++;
      const issues: Issue[] = [...row.issues];
      const v = row.values;
      const student = v.studentNo ? known.get(v.studentNo) : undefined;
      if (v.studentNo && !student) {
        const column = columns.find((c) => c.key === "studentNo")?.column ?? null;
        issues.push({ ...fieldIssue("import.unknown-student", { value: v.studentNo }), row: row.row, column, field: "studentNo" });
      }
      addIssues(report, issues);
      if (!student || issues.some((i) => i.severity === "error") || !v.term || !v.courseName || v.credits === undefined || !v.score) return;
      const examType = v.examType?.code ?? "regular";
      const courseKey = v.courseCode ?? v.courseName;
      // The same attempt twice in a file: the later row is the one the academic system last wrote.
      batch.set(`${student.id}\u0001${v.term.code}\u0001${courseKey}\u0001${examType}`, {
        row: row.row,
        studentId: student.id,
        studentNo: v.studentNo as string,
        name: v.name ?? student.name,
        term: v.term.code,
        courseKey,
        courseCode: v.courseCode ?? null,
        courseName: v.courseName,
        credits: v.credits,
        score: v.score.label,
        // 免修 and 缓考 say nothing about passing: an exempted course is earned, a deferred one is not yet.
        passed: v.score.passed ?? v.score.label === "免修",
        gradePoint: v.gpa ?? null,
        nature: v.courseNature?.code ?? null,
        examType,
      });
      if (batch.size >= BATCH) await flush();
    },
    async finish(): Promise<void> {
      await flush();
      report.studentsAffected = touched.size;
      if (options.write) await recomputeCredits(db, [...touched], options.importId);
    },
  };
}

/**
 * Earned credits and GPA of the given students from all their results in the record: a course counts
 * once, with its credits, when any attempt passed (a 补考 passed later clears the failure); the GPA
 * weighs each course's best 绩点 by its credits, and is left as it was for a student with no 绩点.
 */
export async function recomputeCredits(db: Executor, ids: number[], importId: number | null): Promise<void> {
  for (let i = 0; i < ids.length; i += 5_000) {
    const part = ids.slice(i, i + 5_000);
    const rows = resultRows<{ id: number; before_credits: string | null; credits: string; before_gpa: string | null; gpa: string | null }>(
      await db.execute(sql`
        with course as (
          select student_id, course_key, max(credits) as credits, bool_or(passed) as passed, max(grade_point) as gp
          from course_results where student_id = any(${sql.param(part)}::int[]) group by student_id, course_key
        ), total as (
          select student_id, coalesce(sum(credits) filter (where passed), 0) as credits,
            round(sum(gp * credits) filter (where gp is not null) / nullif(sum(credits) filter (where gp is not null), 0), 2) as gpa
          from course group by student_id
        )
        select s.id, s.earned_credits::text as before_credits, t.credits::text as credits, s.gpa::text as before_gpa, t.gpa::text as gpa
        from students s join total t on t.student_id = s.id
        where s.earned_credits is distinct from t.credits or (t.gpa is not null and s.gpa is distinct from t.gpa)`),
    );
    if (rows.length === 0) continue;
    const json = JSON.stringify(rows.map((r) => ({ id: r.id, credits: r.credits, gpa: r.gpa })));
    await db.execute(sql`
      update students s set earned_credits = x.credits, gpa = coalesce(x.gpa, s.gpa), updated_at = now()
      from jsonb_to_recordset(${json}::jsonb) as x(id int, credits numeric, gpa numeric) where s.id = x.id`);
    const num = (x: string | null) => (x === null ? null : String(Number(x)));
    const history = rows.flatMap((r) => [
      ...(num(r.before_credits) !== num(r.credits)
        ? [{ studentId: r.id, importId, field: "earnedCredits", before: num(r.before_credits), after: num(r.credits) }]
        : []),
      ...(r.gpa !== null && num(r.before_gpa) !== num(r.gpa)
        ? [{ studentId: r.id, importId, field: "gpa", before: num(r.before_gpa), after: num(r.gpa) }]
        : []),
    ]);
    for (let j = 0; j < history.length; j += 5_000) await db.insert(statusChanges).values(history.slice(j, j + 5_000));
  }
}

const FAILED_BY_COURSE: Keyset = {
  name: "failed-courses/student-course",
  parts: [
    { expr: sql`s.student_no`, type: "text" },
    { expr: sql`c.course_key`, type: "text" },
  ],
  direction: "asc",
};

/**
 * A college's failed courses from the results in the record, by the failed-course sheet's rules
 * (seed 000 九): a course whose later attempt (补考, 重修) passed is cleared, and a course failed more
 * than once is listed once, with its latest failing attempt. A page at a time, by 学号 and course.
 */
export async function failedCoursesOf(db: Executor, options: PageOptions & { collegeId?: number | undefined; term?: string | undefined }) {
  const after = afterCursor(FAILED_BY_COURSE, options.cursor);
  const rows = resultRows<{
    student_no: string;
    name: string;
    major_name: string;
    term: string;
    course_code: string | null;
    course_name: string;
    credits: string;
    nature: string | null;
    score: string | null;
    exam_type: string;
    key0: string;
    key1: string;
  }>(
    await db.execute(sql`
      select distinct on (s.student_no, c.course_key) s.student_no, s.name, m.name as major_name, c.term, c.course_code, c.course_name,
        c.credits::text, c.nature, c.score, c.exam_type, s.student_no as key0, c.course_key as key1
      from course_results c join students s on s.id = c.student_id join majors m on m.id = s.major_id
      where not c.passed ${options.collegeId !== undefined ? sql`and s.college_id = ${options.collegeId}` : sql``}
        ${options.term ? sql`and c.term = ${options.term}` : sql``}
        ${after ? sql`and ${after}` : sql``}
        and not exists (select 1 from course_results p where p.student_id = c.student_id and p.course_key = c.course_key and p.passed)
      order by s.student_no, c.course_key, c.term desc, c.exam_type desc
      limit ${options.limit + 1}`),
  );
  return toPage(FAILED_BY_COURSE, rows, options.limit, withoutKeys);
}
