import { and, count, eq, max, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, pendingItems } from "../../db/schema";
import { currentAcademicYear } from "../organisation/current-academic-year";

/**
 * The standing outcomes of the academic year named, else of the latest the rules have judged
 * (accepted failed-course sheets), else of this one.
 */
export async function standingOfYear(
  db: Db,
  options: { academicYear?: string | undefined; today: string; collegeId?: number | undefined },
) {
  const [latest] = await db.select({ year: max(pendingItems.academicYear) }).from(pendingItems);
  const academicYear = options.academicYear ?? latest?.year ?? (await currentAcademicYear(db, options.today));
  return { academicYear, rows: await standingByCollege(db, { academicYear, collegeId: options.collegeId }) };
}

/**
 * The standing outcomes of an academic year by college: how many 一级/二级学业警示, 留级 and 退学 the
 * rules produced, and how many of them are still pending, lifted (解除) or taken up by an application.
 */
export async function standingByCollege(db: Db, options: { academicYear: string; collegeId?: number | undefined }) {
  const where: SQL[] = [eq(pendingItems.academicYear, options.academicYear)];
  if (options.collegeId !== undefined) where.push(eq(pendingItems.collegeId, options.collegeId));
  return db
    .select({
      collegeId: pendingItems.collegeId,
      collegeName: colleges.name,
      kind: pendingItems.kind,
      state: pendingItems.state,
      count: count(),
    })
    .from(pendingItems)
    .innerJoin(colleges, eq(colleges.id, pendingItems.collegeId))
    .where(and(...where))
    .groupBy(pendingItems.collegeId, colleges.name, pendingItems.kind, pendingItems.state)
    .orderBy(pendingItems.collegeId, pendingItems.kind, pendingItems.state);
}
