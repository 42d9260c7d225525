import { academicYearOn } from "@xueji/shared";
import { isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { terms } from "../../db/schema";

/**
 * The academic year of `today` from the registrar's terms (the term containing it, or the last that
 * began); only a school with no terms yet falls back to the calendar rule (August to July). Whatever
 * asks "which year is it now" — the workflow, holidays and rules in force — asks here.
 */
export async function currentAcademicYear(db: Executor, today: string): Promise<string> {
  const rows = await db
    .select({ code: terms.code, startDate: terms.startDate, endDate: terms.endDate })
    .from(terms)
    .where(isNull(terms.retiredAt));
  return academicYearOn(rows, today);
}
