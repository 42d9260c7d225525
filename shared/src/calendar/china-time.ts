/**
 * How a moment (a timestamp) is shown to a reader: in China's time, whatever the zone of the machine showing it —
 * a secretary's laptop, the registrar's browser and a server abroad all say the same hour of the same day. Its day
 * is written as a calendar date is (2026/12/07 07:30 beside a 办理期限 of 2026/12/18, not 2026年12月7日), and short
 * enough for a list's column. Passed to Intl.DateTimeFormat with the reader's locale.
 */
export const CHINA_DATE_TIME: Readonly<Intl.DateTimeFormatOptions> = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Asia/Shanghai",
};
