import { addDays, weekday } from "../fields/calendar-date";

/**
 * Working days in China: Monday to Friday, less the public holidays, plus the weekend days that
 * the State Council's yearly notice makes working days (调休). The dates are data, edited by the
 * registrar each year; deadlines (seed 003 第十二条: 学籍注销 within 15 working days) count on it.
 */
export interface HolidayCalendar {
  /** Days off that would otherwise be working days, `YYYY-MM-DD`. */
  holidays: readonly string[];
  /** Saturdays and Sundays that are working days. */
  makeUpWorkdays: readonly string[];
  /**
   * The years whose holiday notice these dates include. Without it, the years that have a holiday.
   * A deadline that runs into any other year is provisional: its holidays are not known yet.
   */
  years?: readonly number[];
}

/** The years a holiday calendar covers (its notices). */
export function publishedYears(calendar: HolidayCalendar): Set<number> {
  return new Set(calendar.years ?? calendar.holidays.map((d) => Number(d.slice(0, 4))));
}

/** The calendar years an academic year spans (2026-2027 → 2026, 2027) whose public holidays are not in the calendar. */
export function missingHolidayYears(calendar: HolidayCalendar, academicYear: string): number[] {
  const published = publishedYears(calendar);
  const start = Number(academicYear.slice(0, 4));
  return [start, start + 1].filter((y) => !published.has(y));
}

/** A date computed by counting working days, flagged when it crossed a year whose holidays are unknown. */
export interface Deadline {
  date: string;
  /** True when a year between the start and the date has no holiday notice in the calendar: the date may move. */
  provisional: boolean;
  missingYears: number[];
}

export class WorkCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly makeUp: ReadonlySet<string>;
  private readonly published: ReadonlySet<number>;

  constructor(calendar: HolidayCalendar) {
    this.holidays = new Set(calendar.holidays);
    this.makeUp = new Set(calendar.makeUpWorkdays);
    this.published = publishedYears(calendar);
  }

  /** `addWorkingDays`, saying whether the result is provisional (it counted through a year with no holiday notice). */
  deadline(date: string, n: number): Deadline {
    return this.flag(date, this.addWorkingDays(date, n));
  }

  /** Flags a date computed from `from`: provisional when a year from `from` to `date` has no holiday notice. */
  flag(from: string, date: string): Deadline {
    const missingYears: number[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(date.slice(0, 4)); y++) if (!this.published.has(y)) missingYears.push(y);
    return { date, provisional: missingYears.length > 0, missingYears };
  }

  /** A public holiday (not a mere weekend), the days 国庆 and 春节 cover. */
  isPublicHoliday(date: string): boolean {
    return this.holidays.has(date) && !this.makeUp.has(date);
  }

  isWorkingDay(date: string): boolean {
    if (this.makeUp.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  }

  /**
   * The date `n` working days after `date` (the start day itself does not count, as for “within
   * 15 working days of the decision”). With n = 0, the start day if it is a working day, else the next one.
   */
  addWorkingDays(date: string, n: number): string {
    let current = date;
    if (n === 0) {
      while (!this.isWorkingDay(current)) current = addDays(current, 1);
      return current;
    }
    let left = n;
    while (left > 0) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }
}

/**
 * The intake a 录取名单 brought in on `date` belongs to: the national admissions (高考录取) run in July and August, so
 * a list that comes in from July on is this year's intake, and one that comes in from January to June is last autumn's
 * (entered late), never next autumn's, which has no list yet.
 */
export function intakeYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year : year - 1;
}

/** The academic year a date falls in: from August (new-student data, seed 004) to July. */
export function academicYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}
