import { computeStanding } from "@xueji/shared";
import { inArray, ne, sql } from "drizzle-orm";
import { resultRows, type Tx } from "../../db/client";
import { failedCourseRecords, sheetSubmissions } from "../../db/schema";
import { standingRuleSets } from "../settings/standing-rule-sets";
import { loadFailedRecords, recordStanding } from "./failed-records";
import { inSlot } from "./sheet-slot";

type Submission = typeof sheetSubmissions.$inferSelect;

/**
 * Accepting a failed-course sheet (seed 004 成绩清理 → 初步处理意见): its rows without errors replace
 * the college's earlier accepted records for that term, then the standing rules run over every
 * record of the affected students' academic years — so a spring sheet adds to the autumn one —
 * and each student's year becomes one pending item carrying the figures that produced it.
 */
export async function applyFailedCourses(tx: Tx, submission: Submission): Promise<{ pendingItemsCreated: number; recordsUpdated: number }> {
  const older = tx
    .select({ id: sheetSubmissions.id })
    .from(sheetSubmissions)
    .where(inSlot(submission, ne(sheetSubmissions.id, submission.id)));
  await tx.delete(failedCourseRecords).where(inArray(failedCourseRecords.sourceSubmissionId, older));

  const inserted = await tx.execute(sql`
    insert into failed_course_records
      (student_id, term_code, academic_year, course_code, course_name, credits, course_nature, score, passed, exam_type, source_submission_id)
    select s.id, r."values"->'term'->>'code', r."values"->'term'->>'academicYear', r."values"->>'courseCode',
           coalesce(r."values"->>'courseName', r."values"->>'courseCode'), (r."values"->>'credits')::numeric,
           r."values"->'courseNature'->>'code', r."values"->'score'->>'label', (r."values"->'score'->>'passed')::boolean,
           r."values"->'examType'->>'code', r.submission_id
    from sheet_rows r
    join students s on s.student_no = r.student_no and s.college_id = ${submission.collegeId}
    where r.submission_id = ${submission.id} and r.error_count = 0
    returning student_id, academic_year`);
  // Courses named on the sheet join the catalogue (the first spelling of a code wins).
  await tx.execute(sql`
    insert into courses (code, name, credits, nature)
    select distinct on (r."values"->>'courseCode') r."values"->>'courseCode', coalesce(r."values"->>'courseName', r."values"->>'courseCode'),
           (r."values"->>'credits')::numeric, r."values"->'courseNature'->>'code'
    from sheet_rows r
    where r.submission_id = ${submission.id} and r.error_count = 0 and r."values" ? 'courseCode'
    on conflict (code) do nothing`);
  const touched = resultRows<{ student_id: number; academic_year: string }>(inserted);
  if (touched.length === 0) return { pendingItemsCreated: 0, recordsUpdated: 0 };

  const studentIds = [...new Set(touched.map((t) => t.student_id))];
  // A 补考/重修 passed in the autumn clears a failure of the spring before (seed 004: 组织上学期课程考核
  // 不合格学生的补考), so the year before each touched year is recomputed too.
  const years = [...new Set(touched.flatMap((t) => [t.academic_year, previousYear(t.academic_year)]))];
  const { rows, idOf } = await loadFailedRecords(tx, { academicYears: years, studentIds });

  // The rule sets are settings versioned by academic year; each year's records use the set in force then.
  const standing = computeStanding(rows, await standingRuleSets(tx));
  const created = await recordStanding(tx, standing, { idOf, collegeId: submission.collegeId, submissionId: submission.id });
  return { pendingItemsCreated: created, recordsUpdated: touched.length };
}

function previousYear(academicYear: string): string {
  const start = Number(academicYear.slice(0, 4));
  return `${start - 1}-${start}`;
}
