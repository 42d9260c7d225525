import type { Locale } from "@xueji/shared";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { zhCN } from "./zh-CN";

const CHOSEN = "xueji.pane.locale";

/**
 * The pane's language: Chinese, the product's first language, unless the secretary chose English in
 * the pane (remembered in this browser or Office). Office's display language and the browser's are
 * not followed: an English Windows or browser is common on a Chinese secretary's desk.
 */
export function paneLocale(): Locale {
  try {
    return localStorage.getItem(CHOSEN) === "en" ? "en" : "zh-CN";
  } catch {
    // Storage can be blocked (private mode, a locked-down Office); the default stands.
    return "zh-CN";
  }
}

/** Switches the pane's language now and remembers the choice. */
export async function chooseLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(CHOSEN, locale);
  } catch {
    // Not remembered, but switched for this session.
  }
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
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
