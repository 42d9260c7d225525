import { catalogue, type IssueCode } from "./catalogue";
import { DOCUMENT_FORMATS, DOCUMENT_LABELS, FIELD_LABELS, SHEET_LABELS, SPREADSHEET_LABELS, type Spreadsheet } from "./labels";
import { type Locale, messageDay } from "./locale";

export type Params = Readonly<Record<string, string | number>>;

/**
 * Parameters named `label` carry a field key and `sheet` a sheet kind, so one issue reads
 * right in either language: `{label}` becomes 学号 in Chinese and “Student number” in English.
 */
function localise(name: string, value: string | number, locale: Locale): string {
  const day = messageDay(name, value, locale);
  if (day) return day;
  const text = String(value);
  if (name === "label") return FIELD_LABELS[text as keyof typeof FIELD_LABELS]?.[locale] ?? text;
  if (name === "sheet") return SHEET_LABELS[text as keyof typeof SHEET_LABELS]?.[locale] ?? text;
  if (name === "document") return DOCUMENT_LABELS[text]?.[locale] ?? text;
  if (name === "format") return DOCUMENT_FORMATS[text]?.[locale] ?? text;
  if (name === "app") return SPREADSHEET_LABELS[text as Spreadsheet]?.[locale] ?? text;
  return text;
}

/**
 * The message for an issue code in the given locale, with `{name}` replaced by its parameter. `{app}`
 * names the spreadsheet the reader uses: the pane knows its host; the command line and the server's
 * copies say Excel, as most files come from it.
 */
export function formatMessage(code: IssueCode, params: Params = {}, locale: Locale = "zh-CN", app: Spreadsheet = "excel"): string {
  const template = catalogue[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name] ?? (name === "app" ? app : undefined);
    return value === undefined ? whole : localise(name, value, locale);
  });
}

/** The `{name}` placeholders a message uses, for checking that callers supply them. */
export function placeholders(code: IssueCode, locale: Locale): string[] {
  return [...catalogue[code][locale].matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}
