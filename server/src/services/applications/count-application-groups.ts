import { and, count, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applications } from "../../db/schema";
import { type ApplicationFilters, applicationFilterConditions } from "./list-applications";
import { overdue } from "./overdue";

/** What the applications list may be grouped by (the dashboard's 分组, kept in the URL and in saved views). */
export const APPLICATION_GROUPINGS = ["type", "stage", "college", "state"] as const;
export type ApplicationGrouping = (typeof APPLICATION_GROUPINGS)[number];

const groupColumn = {
  type: applications.type,
  stage: applications.stage,
  college: applications.collegeId,
  state: applications.state,
} as const;

/**
 * How many applications, and how many of them overdue, each group of the filtered list holds — over the
 * whole list, not the pages loaded so far, so a group's header can say "12 of 340 loaded" truthfully while
 * its rows arrive page by page. One GROUP BY over the same conditions as the list.
 */
export async function countApplicationGroups(db: Db, o: ApplicationFilters & { by: ApplicationGrouping }) {
  const key = groupColumn[o.by];
  const where = applicationFilterConditions(o);
  const rows = await db
    .select({
      key: sql<string>`${key}::text`,
      count: count(),
      overdue: sql<number>`count(*) filter (where ${overdue(o.today)})`.mapWith(Number),
    })
    .from(applications)
    .where(where.length ? and(...where) : undefined)
    .groupBy(key);
  const groups = rows.map((r) => ({ key: r.key, count: Number(r.count), overdue: r.overdue }));
  return { total: groups.reduce((sum, g) => sum + g.count, 0), groups };
}
