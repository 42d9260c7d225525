import { and, asc, eq, gte, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applicationDecisions, applications } from "../../db/schema";
import { workCalendar } from "../applications/workflow-for";
import { currentAcademicYear } from "../organisation/current-academic-year";

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Lead time per stage: for every decision that moved an application out of a stage, the working days
 * from when it entered that stage (the decision before, or its filing) to the decision; the median
 * per stage, over applications filed since `since`. Working days use the holiday calendar in force
 * (调休 included), as the deadlines do.
 */
export async function leadTimes(db: Db, options: { since: string; today: string; collegeId?: number | undefined }) {
  const where: SQL[] = [gte(applications.filedAt, new Date(`${options.since}T00:00:00+08:00`))];
  if (options.collegeId !== undefined) where.push(eq(applications.collegeId, options.collegeId));
  const apps = await db
    .select({ id: applications.id, filedAt: applications.filedAt })
    .from(applications)
    .where(and(...where));
  if (apps.length === 0) return [];
  const filed = new Map(apps.map((a) => [a.id, a.filedAt]));
  const decisions = await db
    .select({ applicationId: applicationDecisions.applicationId, fromStage: applicationDecisions.fromStage, at: applicationDecisions.at })
    .from(applicationDecisions)
    .where(inArray(applicationDecisions.applicationId, [...filed.keys()]))
    .orderBy(asc(applicationDecisions.applicationId), asc(applicationDecisions.id));
  const calendar = await workCalendar(db, await currentAcademicYear(db, options.today));
  const byStage = new Map<string, number[]>();
  let previous: { applicationId: number; at: Date } | null = null;
  for (const d of decisions) {
    const entered = previous?.applicationId === d.applicationId ? previous.at : (filed.get(d.applicationId) as Date);
    const days = calendar.workingDaysBetween(chinaDate(entered), chinaDate(d.at));
    byStage.set(d.fromStage, [...(byStage.get(d.fromStage) ?? []), days]);
    previous = { applicationId: d.applicationId, at: d.at };
  }
  return [...byStage.entries()].map(([stage, days]) => ({ stage, decisions: days.length, medianWorkingDays: median(days) as number }));
}

/** The calendar date of a moment in China (UTC+8, no daylight saving). */
export function chinaDate(moment: Date): string {
  return new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
