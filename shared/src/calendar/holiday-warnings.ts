import type { Locale } from "../messages/locale";
import { formatNotice } from "../messages/notices";
import { type HolidayCalendar, missingHolidayYears } from "./working-days";

/**
 * The warning when an academic year's calendar lacks the public holidays of a year it spans
 * (the State Council publishes each year's notice late in the year before: 2027's is not out yet),
 * or null when the calendar has them all.
 */
export function holidayWarning(calendar: HolidayCalendar, academicYear: string, locale: Locale = "zh-CN"): string | null {
  const missing = missingHolidayYears(calendar, academicYear);
  if (missing.length === 0) return null;
  return formatNotice("calendar.holidays-missing", { academicYear, years: missing.join(locale === "en" ? ", " : "、") }, locale);
}
