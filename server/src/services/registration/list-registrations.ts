import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { registrations, students } from "../../db/schema";

/**
 * 学年注册 of an academic year, a page at a time by student number (cursor: the last student number
 * of the page before), with each returning student's status — none yet shows as null.
 */
export async function listRegistrations(
  db: Db,
  options: {
    academicYear: string;
    collegeId?: number | undefined;
    status?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const yearStart = Number(options.academicYear.slice(0, 4));
  const where: SQL[] = [sql`${students.grade} < ${yearStart}`, eq(students.status, "enrolled")];
  if (options.collegeId !== undefined) where.push(eq(students.collegeId, options.collegeId));
  if (options.cursor) where.push(gt(students.studentNo, options.cursor));
  if (options.status === "none") where.push(sql`${registrations.status} is null`);
  else if (options.status) where.push(eq(registrations.status, options.status));
  const rows = await db
    .select({
      studentNo: students.studentNo,
      name: students.name,
      collegeId: students.collegeId,
      grade: students.grade,
      status: registrations.status,
      updatedAt: registrations.updatedAt,
    })
    .from(students)
    .leftJoin(registrations, and(eq(registrations.studentId, students.id), eq(registrations.academicYear, options.academicYear)))
    .where(and(...where))
    .orderBy(asc(students.studentNo))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map((r) => ({ ...r, updatedAt: r.updatedAt?.toISOString() ?? null }));
  return { items, nextCursor: rows.length > options.limit ? (items.at(-1)?.studentNo ?? null) : null };
}
