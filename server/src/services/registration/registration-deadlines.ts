import {
  AppError,
  addDays,
  type CalendarTask,
  calendarDueDate,
  DEFAULT_REGISTRAR_CALENDAR,
  endOfTeachingWeek,
  type HolidayCalendar,
  holidayWarning,
  type Locale,
  REGISTRATION_RULE_SOURCES,
  REGULATIONS,
  type RegistrationRules,
  registrationDueDates,
  WorkCalendar,
} from "@xueji/shared";
import { like } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { terms } from "../../db/schema";
import { settingInForce } from "../settings/settings-store";

/** A deadline with where it comes from, flagged provisional when the holiday calendar lacks a year it counts through. */
export interface FlaggedDeadline {
  key: string;
  name: Record<Locale, string>;
  source: string;
  date: string;
  provisional: boolean;
  /** Working days from today to the deadline, the deadline counted (0 on or after it); provisional with the date. */
  workingDaysLeft: number;
  /** Today is after the deadline. */
  passed: boolean;
}

/** Steps back over public holidays (not weekends): a registration deadline never lands inside 国庆. */
function beforeHolidays(calendar: WorkCalendar, date: string): string {
  let d = date;
  while (calendar.isPublicHoliday(d)) d = addDays(d, -1);
  return d;
}

async function termStarts(db: Executor, academicYear: string): Promise<Record<1 | 2, string>> {
  const rows = await db
    .select()
    .from(terms)
    .where(like(terms.code, `${academicYear}-%`));
  const autumn = rows.find((t) => t.code.endsWith("-1"));
  if (!autumn) throw new AppError("term.unknown", { term: `${academicYear}-1` });
  return { 1: autumn.startDate, 2: rows.find((t) => t.code.endsWith("-2"))?.startDate ?? autumn.endDate };
}

async function calendarsFor(db: Executor, academicYear: string) {
  const holidays = (await settingInForce<HolidayCalendar>(db, "holidays", "cn", academicYear)).value;
  const tasks = (await settingInForce<{ tasks: CalendarTask[] }>(db, "registrar-calendar", "default", academicYear)).value.tasks;
  return { holidays, work: new WorkCalendar(holidays), tasks };
}

/**
 * The 学年注册 deadlines of an academic year (seed 003 第十一–十二条, seed 004 “10月前”): students
 * within the `registration-rules` setting's weeks of the start (two); colleges report by the end of
 * week 3 and 老生注册 is done before October — the earlier of the two, stepped back out of any public
 * holiday; the whole registration, 补注册 after 暂缓注册 included, within the setting's months (one).
 */
export async function registrationDeadlines(db: Executor, academicYear: string, today: string) {
  const start = (await termStarts(db, academicYear))[1];
  const { holidays, work, tasks } = await calendarsFor(db, academicYear);
  const rules = (await settingInForce<RegistrationRules>(db, "registration-rules", "default", academicYear)).value;
  const task =
    tasks.find((t) => t.key === "returning-registration") ??
    (DEFAULT_REGISTRAR_CALENDAR.find((t) => t.key === "returning-registration") as CalendarTask);
  const due = registrationDueDates(start, rules);
  const rows: Array<Omit<FlaggedDeadline, "provisional" | "workingDaysLeft" | "passed">> = [
    {
      key: "students",
      name: { "zh-CN": "学生办理学年注册", en: "Students register" },
      source: REGISTRATION_RULE_SOURCES.studentWeeks,
      date: beforeHolidays(work, due.students),
    },
    {
      key: "colleges",
      name: { "zh-CN": "学院报送学年注册情况", en: "Colleges report registrations" },
      source: `${REGULATIONS.electronicRegistration}第十二条：各学院每学年第一学期开学后第三周结束前将本学院学生学年注册情况报学校教务处；${REGULATIONS.statusProcedures}：10月前`,
      date: beforeHolidays(work, calendarDueDate(start, task) ?? endOfTeachingWeek(start, 3)),
    },
    {
      key: "electronic",
      name: { "zh-CN": "学年电子注册完成", en: "Annual electronic registration complete" },
      source: REGISTRATION_RULE_SOURCES.completeMonths,
      date: beforeHolidays(work, due.complete),
    },
  ];
  return {
    academicYear,
    termStart: start,
    deadlines: rows.map(
      (r): FlaggedDeadline => ({
        ...r,
        provisional: work.flag(start, r.date).provisional,
        workingDaysLeft: work.workingDaysBetween(today, r.date) + (today <= r.date && work.isWorkingDay(today) ? 1 : 0),
        passed: today > r.date,
      }),
    ),
    warning: holidayWarning(holidays, academicYear),
  };
}

/** Every row of the registrar's calendar for an academic year with its due date, flagged when it counts on a year without holidays. */
export async function calendarOfYear(db: Executor, academicYear: string) {
  const starts = await termStarts(db, academicYear);
  const { holidays, work, tasks } = await calendarsFor(db, academicYear);
  return {
    academicYear,
    warning: holidayWarning(holidays, academicYear),
    items: tasks.map((t) => {
      const dueOn = calendarDueDate(starts[t.term], t);
      return {
        key: t.key,
        name: t.name,
        units: [...t.units],
        role: t.role,
        term: t.term,
        deadline: t.deadline,
        sheet: t.sheet ?? null,
        workflow: t.workflow ?? null,
        dueOn: dueOn === null ? null : beforeHolidays(work, dueOn),
        provisional: dueOn === null ? false : work.flag(starts[t.term], dueOn).provisional,
      };
    }),
  };
}
