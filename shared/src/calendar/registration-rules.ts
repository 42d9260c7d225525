import { addDays } from "../fields/calendar-date";
import { REGULATIONS } from "../rules/regulations";
import { endOfTeachingWeek } from "./registrar-calendar";

/**
 * The time limits of 学年注册 (seed 003 第十一–十二条), a versioned setting (`registration-rules`)
 * rather than constants, so a school whose rules say three weeks or two months changes them without code.
 */
export interface RegistrationRules {
  /** 第十一条 “学生应在每学年第一学期开学后两周内到所在学院办理学年注册手续”: teaching weeks after the start. */
  studentWeeks: number;
  /**
   * 第十二条 “学年的电子注册在每学年第一学期开学后1个月内完成”: months after the start. 暂缓注册 is part of the
   * year's registration (第十条 “含注册学籍、暂缓注册等”), so a deferred student's 补注册 is due by then too.
   */
  completeMonths: number;
}

/** Where each limit comes from, quoted, so the setting's description and the tests cite the same words. */
export const REGISTRATION_RULE_SOURCES = {
  studentWeeks: `${REGULATIONS.electronicRegistration}第十一条：学生应在每学年第一学期开学后两周内到所在学院办理学年注册手续`,
  completeMonths: `${REGULATIONS.electronicRegistration}第十二条：学年的电子注册在每学年第一学期开学后1个月内完成`,
} as const satisfies Record<keyof RegistrationRules, string>;

export const DEFAULT_REGISTRATION_RULES: RegistrationRules = { studentWeeks: 2, completeMonths: 1 };

/** The last day within `months` months of a start date: 7 September + 1 month → 6 October (clamped at a short month's end). */
export function withinMonthsOf(start: string, months: number): string {
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return addDays(target.toISOString().slice(0, 10), -1);
}

/** The students' deadline (end of teaching week `studentWeeks`) and the whole registration's (within `completeMonths`). */
export function registrationDueDates(termStart: string, rules: RegistrationRules): { students: string; complete: string } {
  return { students: endOfTeachingWeek(termStart, rules.studentWeeks), complete: withinMonthsOf(termStart, rules.completeMonths) };
}
