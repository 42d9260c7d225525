import { and, count, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, pendingItems } from "../../db/schema";

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
