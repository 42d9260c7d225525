import { max } from "drizzle-orm";
import type { Db } from "../../db/client";
import { graduationAudits } from "../../db/schema";
import { auditSummary } from "../graduation/override-audit";
import { currentAcademicYear } from "../organisation/current-academic-year";

/**
 * Graduation audit results by college for a cohort: the one named, else the latest audited, else the
 * one graduating at the end of this academic year (its second calendar year).
 */
export async function auditPassRates(db: Db, options: { cohort?: number | undefined; today: string; collegeId?: number | undefined }) {
  const [latest] = await db.select({ cohort: max(graduationAudits.cohort) }).from(graduationAudits);
  const cohort = options.cohort ?? latest?.cohort ?? Number((await currentAcademicYear(db, options.today)).slice(5, 9));
  return { cohort, rows: await auditSummary(db, { cohort, collegeId: options.collegeId }) };
}
