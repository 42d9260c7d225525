import type { Locale } from "@xueji/shared/src/messages/locale";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { rememberLocale } from "./locale";
import { zhCN } from "./zh-CN";

/**
 * i18next with two bundles; zh-CN is the default and the fallback, and the only one in the first page's
 * JavaScript: English is fetched when a reader asks for it (most never do). Pages add their words to the same
 * two files, or with `addResourceBundle` when they load (a missing English key shows the Chinese one rather
 * than a key name).
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN } },
  // Bundles are added later (English, and pages' own words): i18next must not treat the set as closed.
  partialBundledLanguages: true,
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  returnNull: false,
});

let english: Promise<void> | undefined;

/** Shows the dashboard in `locale`, fetching the English words the first time. */
export async function showLocale(locale: Locale): Promise<void> {
  if (locale === "en")
    english ??= import("./en").then(({ en }) => {
      // Deep, without overwriting: a page loaded first may have added its own English words already.
      i18n.addResourceBundle("en", "translation", en, true, false);
    });
  if (locale === "en") await english;
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export function switchLocale(locale: Locale): void {
  rememberLocale(locale);
  void showLocale(locale);
}
