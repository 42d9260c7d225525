import { academicYearOf, type HolidayCalendar, holidayWarning, missingHolidayYears } from "@xueji/shared";
import type { Executor } from "../db/client";
import { settingInForce } from "../services/settings/settings-store";

export interface HealthWarning {
  code: "calendar.holidays-missing";
  academicYear: string;
  years: number[];
  message: { "zh-CN": string; en: string };
}

/**
 * What an operator should know although the server works: today, that the academic year's holiday
 * calendar lacks a year it spans (deadlines counted in working days may move when it is added).
 */
export async function healthWarnings(db: Executor, today: string): Promise<HealthWarning[]> {
  const academicYear = academicYearOf(today);
  const calendar = (await settingInForce<HolidayCalendar>(db, "holidays", "cn", academicYear)).value;
  const years = missingHolidayYears(calendar, academicYear);
  if (years.length === 0) return [];
  return [
    {
      code: "calendar.holidays-missing",
      academicYear,
      years,
      message: {
        "zh-CN": holidayWarning(calendar, academicYear, "zh-CN") as string,
        en: holidayWarning(calendar, academicYear, "en") as string,
      },
    },
  ];
}

/** The same warnings as lines at start. */
export async function logStartWarnings(db: Executor, today: string, log: (line: string) => void): Promise<void> {
  for (const w of await healthWarnings(db, today)) log(`  ⚠ ${w.message["zh-CN"]}`);
}
