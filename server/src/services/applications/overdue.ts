import { and, eq, lt, type SQL, sql } from "drizzle-orm";
import { applications } from "../../db/schema";

/**
 * 逾期 as shared/src/workflows/deadline.ts defines it (currentDeadline / isOverdue), in SQL so that
 * counts and filters run in the database: the deadline an open application runs against is its
 * 办理期限 until it is executed, then its 学籍注销 deadline (seed 003 第十二条) if it has one.
 * overdue.test.ts holds this to the shared function over every case.
 */
export const currentDeadlineSql: SQL<string | null> = sql<
  string | null
>`case when ${applications.executedOn} is null then ${applications.dueOn} else ${applications.deregistrationDueOn} end`;

export function overdue(today: string): SQL {
  return and(eq(applications.state, "open"), lt(currentDeadlineSql, today)) as SQL;
}

/** Of the overdue, those whose deadline is 学籍注销's (executed, the 学籍 ended). */
export function overdueDeregistration(today: string): SQL {
  return and(overdue(today), sql`${applications.executedOn} is not null`) as SQL;
}
