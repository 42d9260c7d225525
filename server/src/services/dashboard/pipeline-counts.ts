import { and, count, eq, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applications } from "../../db/schema";

/** Open applications by type × stage × college, with how many are past their due date. */
export async function pipelineCounts(db: Db, options: { today: string; collegeId?: number | undefined }) {
  const where: SQL[] = [eq(applications.state, "open")];
  if (options.collegeId !== undefined) where.push(eq(applications.collegeId, options.collegeId));
  return db
    .select({
      type: applications.type,
      stage: applications.stage,
      collegeId: applications.collegeId,
      count: count(),
      overdue: sql<number>`count(*) filter (where ${and(isNull(applications.executedOn), lt(applications.dueOn, options.today))})`.mapWith(
        Number,
      ),
    })
    .from(applications)
    .where(and(...where))
    .groupBy(applications.type, applications.stage, applications.collegeId)
    .orderBy(applications.type, applications.stage, applications.collegeId);
}
