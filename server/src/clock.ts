/** Today's date in China (the users' time zone), as `YYYY-MM-DD`: shared code has no clock of its own. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
