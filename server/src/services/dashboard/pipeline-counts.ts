import { and, count, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applications } from "../../db/schema";
import { overdue, overdueDeregistration } from "../applications/overdue";

/** Open applications by type × stage × college, with how many are past their due date (a decision's, or 学籍注销's). */
export function pipelineCounts(db: Db, options: { today: string; collegeId?: number | undefined }) {
  const where: SQL[] = [eq(applications.state, "open")];
  if (options.collegeId !== undefined) where.push(eq(applications.collegeId, options.collegeId));
  return db
    .select({
      type: applications.type,
      stage: applications.stage,
      collegeId: applications.collegeId,
      count: count(),
      overdue: sql<number>`count(*) filter (where ${overdue(options.today)})`.mapWith(Number),
      deregistrationOverdue: sql<number>`count(*) filter (where ${overdueDeregistration(options.today)})`.mapWith(Number),
    })
    .from(applications)
    .where(and(...where))
    .groupBy(applications.type, applications.stage, applications.collegeId)
    .orderBy(applications.type, applications.stage, applications.collegeId);
}
