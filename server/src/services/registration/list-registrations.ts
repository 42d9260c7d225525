import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { registrations, students } from "../../db/schema";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage } from "../paging";

const BY_STUDENT_NO: Keyset = { name: "registrations/studentNo", parts: [{ expr: students.studentNo, type: "text" }], direction: "asc" };

/**
 * 学年注册 of an academic year, a page at a time in student-number order, with each returning
 * student's status (null: none yet).
 */
export async function listRegistrations(
  db: Db,
  options: PageOptions & { academicYear: string; collegeId?: number | undefined; status?: string | undefined },
) {
  const yearStart = Number(options.academicYear.slice(0, 4));
  const where: SQL[] = [sql`${students.grade} < ${yearStart}`, eq(students.status, "enrolled")];
  if (options.collegeId !== undefined) where.push(eq(students.collegeId, options.collegeId));
  if (options.status === "none") where.push(sql`${registrations.status} is null`);
  else if (options.status) where.push(eq(registrations.status, options.status));
  const after = afterCursor(BY_STUDENT_NO, options.cursor);
  if (after) where.push(after);
  const rows = await db
    .select({
      studentNo: students.studentNo,
      name: students.name,
      collegeId: students.collegeId,
      grade: students.grade,
      status: registrations.status,
      updatedAt: registrations.updatedAt,
      ...keyColumns(BY_STUDENT_NO),
    })
    .from(students)
    .leftJoin(registrations, and(eq(registrations.studentId, students.id), eq(registrations.academicYear, options.academicYear)))
    .where(and(...where))
    .orderBy(...keysetOrder(BY_STUDENT_NO))
    .limit(options.limit + 1);
  return toPage(BY_STUDENT_NO, rows, options.limit, (r) => ({
    studentNo: r.studentNo,
    name: r.name,
    collegeId: r.collegeId,
    grade: r.grade,
    status: r.status,
    updatedAt: r.updatedAt?.toISOString() ?? null,
  }));
}
