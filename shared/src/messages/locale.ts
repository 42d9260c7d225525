/** The languages every user-visible string is written in: Simplified Chinese first, then English. */
export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];

/**
 * The parameters of a message that carry a day the system computed (a deadline, a freeze's start): never a value the
 * reader typed, which a message quotes as typed (`{value}`).
 */
const DAY_PARAMETERS: ReadonlySet<string> = new Set(["date", "from", "to", "today", "until", "limit"]);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day in a message as the screens write it in Chinese (2026/09/30, as Intl's zh-CN does); English keeps ISO. */
export function messageDay(name: string, value: string | number, locale: Locale): string | undefined {
  if (locale !== "zh-CN" || !DAY_PARAMETERS.has(name) || typeof value !== "string") return undefined;
  const day = ISO_DAY.exec(value);
  return day ? `${day[1]}/${day[2]}/${day[3]}` : undefined;
}
