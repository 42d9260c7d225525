import { CHINA_DATE_TIME, type Locale } from "@xueji/shared";

/** Dates, numbers and sorting in the reader's locale (Intl; zh-CN sorts by pinyin). */
const collators = new Map<string, Intl.Collator>();
export function collator(locale: Locale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale === "en" ? "en" : "zh-CN", { numeric: true, sensitivity: "base" });
    collators.set(locale, c);
  }
  return c;
}

/**
 * Formatters made once per locale and options: making one costs far more than using it, and a table formats
 * every visible cell on every scroll.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  const found = formatters.get(key) as F | undefined;
  if (found) return found;
  const made = make();
  formatters.set(key, made);
  return made;
}
const numberFormat = (locale: Locale, options?: Intl.NumberFormatOptions) =>
  cached(`n ${locale} ${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(locale, options));
const dateTimeFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  cached(`d ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

export function formatPercent(value: number, locale: Locale): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
}

/** A calendar date (YYYY-MM-DD, no time zone) as the reader writes it. */
export function formatDate(isoDate: string | null | undefined, locale: Locale): string {
  if (!isoDate) return "";
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return dateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A moment (timestamp) in China's time, as the registrar's office reads it. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return dateTimeFormat(locale, CHINA_DATE_TIME).format(date);
}
