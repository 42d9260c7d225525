/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so that no time zone can move a day.
 */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian: every fourth year a leap year, but not a century unless it divides by 400. */
function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  // Asked for each date of every row of a sheet: arithmetic, not a Date. (For a year of 1–99, which Date.UTC
  // reads as 1901–1999, the answer is the same: those are leap years exactly when the year divides by 4.)
  if (Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(year) && year >= 1) {
    return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] as number);
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const MS_PER_DAY = 86_400_000;
// Excel's day 0 is 1899-12-31, but Excel also counts a 1900-02-29 that never was (a Lotus
// 1-2-3 compatibility bug), so for every serial from 61 on, day 0 is effectively 1899-12-30.
const EXCEL_EPOCH_AFTER_BUG = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_BEFORE_BUG = Date.UTC(1899, 11, 31);
/** 9999-12-31, the largest date Excel can hold. */
export const MAX_EXCEL_SERIAL = 2_958_465;

/** The date of an Excel serial number (1900 date system); the time of day is dropped. */
export function fromExcelSerial(serial: number): string | null {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === 60) return null;
  const epoch = whole >= 61 ? EXCEL_EPOCH_AFTER_BUG : EXCEL_EPOCH_BEFORE_BUG;
  return new Date(epoch + whole * MS_PER_DAY).toISOString().slice(0, 10);
}

export function toExcelSerial(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const days = Math.round((ms - EXCEL_EPOCH_AFTER_BUG) / MS_PER_DAY);
  return days >= 61 ? days : days - 1;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
