import { type HolidayCalendar, holidayWarning, missingHolidayYears, type SetupItem } from "@xueji/shared";
import type { Executor } from "../db/client";
import { setupStatus } from "../services/organisation/setup-status";
import { settingInForce } from "../services/settings/settings-store";

export interface HealthWarning {
  code: "calendar.holidays-missing" | `setup.${Exclude<SetupItem, "holidays">}`;
  academicYear: string;
  years?: number[];
  message: { "zh-CN": string; en: string };
}

/**
 * What an operator should know although the server works: each piece of the set-up checklist still
 * missing (the school, colleges and majors, this year's terms, the registrar calendar, a secretary per
 * college, the record), and that the academic year's holiday calendar lacks a year it spans
 * (deadlines counted in working days may move when it is added).
 */
export async function healthWarnings(db: Executor, today: string): Promise<HealthWarning[]> {
  const { academicYear, items } = await setupStatus(db, today);
  const warnings: HealthWarning[] = [];
  for (const item of items) {
    if (item.done) continue;
    if (item.item === "holidays") {
      const calendar = (await settingInForce<HolidayCalendar>(db, "holidays", "cn", academicYear)).value;
      warnings.push({
        code: "calendar.holidays-missing",
        academicYear,
        years: missingHolidayYears(calendar, academicYear),
        message: {
          "zh-CN": holidayWarning(calendar, academicYear, "zh-CN") as string,
          en: holidayWarning(calendar, academicYear, "en") as string,
        },
      });
    } else warnings.push({ code: `setup.${item.item}`, academicYear, message: item.message });
  }
  return warnings;
}

/** The same warnings as lines at start. */
export async function logStartWarnings(db: Executor, today: string, log: (line: string) => void): Promise<void> {
  for (const w of await healthWarnings(db, today)) log(`  ⚠ ${w.message["zh-CN"]}`);
}
