import type { Locale } from "@xueji/shared";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { zhCN } from "./zh-CN";

/** zh-CN unless Office (or, in file mode, the browser) says the display language is English. */
export function localeFor(displayLanguage: string | null | undefined): Locale {
  return /^en\b/i.test(displayLanguage ?? "") ? "en" : "zh-CN";
}

export async function startI18n(locale: Locale) {
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: "zh-CN",
    resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = locale;
  return i18next;
}
