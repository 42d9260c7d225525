import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { currentLocale, rememberLocale } from "./locale";
import { zhCN } from "./zh-CN";

/**
 * i18next with two bundles; zh-CN is the default and the fallback. Pages add their words to the same two
 * files (a missing English key shows the Chinese one rather than a key name).
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: currentLocale(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function switchLocale(locale: "zh-CN" | "en"): void {
  rememberLocale(locale);
  void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}
