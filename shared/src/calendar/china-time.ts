/**
 * How a moment (a timestamp) is shown to a reader: in China's time, whatever the zone of the machine showing it —
 * a secretary's laptop, the registrar's browser and a server abroad all say the same hour of the same day.
 * Passed to Intl.DateTimeFormat with the reader's locale.
 */
export const CHINA_DATE_TIME: Readonly<Intl.DateTimeFormatOptions> = {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Asia/Shanghai",
};
