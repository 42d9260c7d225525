import type { RowValues } from "@xueji/shared";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { failedCourseRecords, students } from "../../db/schema";

/**
 * Accepted failed-course records of some academic years (and, optionally, some students), in the
 * shape the shared standing rules read — the same rows whether accepting a sheet or previewing a rule change.
 */
export async function loadFailedRecords(db: Executor, options: { academicYears: readonly string[]; studentIds?: readonly number[] }) {
  const where: SQL[] = [inArray(failedCourseRecords.academicYear, [...options.academicYears])];
  if (options.studentIds)
    where.push(
      sql`${failedCourseRecords.studentId} in (select jsonb_array_elements_text(${JSON.stringify(options.studentIds)}::jsonb)::int)`,
    );
  const records = await db
    .select({
      studentNo: students.studentNo,
      studentId: students.id,
      termCode: failedCourseRecords.termCode,
      courseCode: failedCourseRecords.courseCode,
      courseName: failedCourseRecords.courseName,
      credits: failedCourseRecords.credits,
      courseNature: failedCourseRecords.courseNature,
      passed: failedCourseRecords.passed,
      examType: failedCourseRecords.examType,
    })
    .from(failedCourseRecords)
    .innerJoin(students, eq(students.id, failedCourseRecords.studentId))
    .where(and(...where));
  const idOf = new Map(records.map((r) => [r.studentNo, r.studentId]));
  const rows = records.map((r) => {
    const [start, , semester] = r.termCode.split("-");
    const values: RowValues = {
      studentNo: r.studentNo,
      term: { code: r.termCode, academicYear: r.termCode.slice(0, 9), startYear: Number(start), semester: Number(semester) as 1 | 2 | 3 },
      credits: r.credits,
      courseName: r.courseName,
      ...(r.courseCode ? { courseCode: r.courseCode } : {}),
      ...(r.courseNature ? { courseNature: { code: r.courseNature, name: r.courseNature } } : {}),
      ...(r.passed !== null ? { score: { kind: "mark", mark: null, label: "", passed: r.passed } } : {}),
      ...(r.examType ? { examType: { code: r.examType, name: r.examType } } : {}),
    };
    return { values };
  });
  return { rows, idOf };
}
