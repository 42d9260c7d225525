import type { HolidayCalendar } from "./working-days";

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Default holidays, from the State Council General Office notices on public holiday arrangements
 * (国务院办公厅关于2024年/2025年/2026年部分节假日安排的通知; 2024: 国办发明电〔2023〕7号). The registrar
 * checks and extends these on the calendar settings page each year; the list is data, not a rule.
 * `years` says which notices are in: a year not listed is not published yet (2027 at the time of writing).
 */
export const CN_HOLIDAYS: HolidayCalendar = {
  years: [2024, 2025, 2026],
  holidays: [
    // 2024
    "2024-01-01",
    ...range("2024-02-10", "2024-02-17"),
    ...range("2024-04-04", "2024-04-06"),
    ...range("2024-05-01", "2024-05-05"),
    ...range("2024-06-08", "2024-06-10"),
    ...range("2024-09-15", "2024-09-17"),
    ...range("2024-10-01", "2024-10-07"),
    // 2025
    "2025-01-01",
    ...range("2025-01-28", "2025-02-04"),
    ...range("2025-04-04", "2025-04-06"),
    ...range("2025-05-01", "2025-05-05"),
    ...range("2025-05-31", "2025-06-02"),
    ...range("2025-10-01", "2025-10-08"),
    // 2026
    ...range("2026-01-01", "2026-01-03"),
    ...range("2026-02-15", "2026-02-23"),
    ...range("2026-04-04", "2026-04-06"),
    ...range("2026-05-01", "2026-05-05"),
    ...range("2026-06-19", "2026-06-21"),
    ...range("2026-09-25", "2026-09-27"),
    ...range("2026-10-01", "2026-10-07"),
  ],
  makeUpWorkdays: [
    "2024-02-04",
    "2024-02-18",
    "2024-04-07",
    "2024-04-28",
    "2024-05-11",
    "2024-09-14",
    "2024-09-29",
    "2024-10-12",
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11",
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
  ],
};
