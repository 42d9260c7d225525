import type { Locale } from "@xueji/shared/src/messages/locale";

/** The reader's language: zh-CN unless they chose English (kept in localStorage). */
const KEY = "xueji.locale";

export function currentLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for the page only.
  }
}
