import type { Locale } from "@xueji/shared/src/messages/locale";
import { useTranslation } from "react-i18next";

/** The reader's locale as the shared catalogue names it, for Intl and shared labels. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "zh-CN";
}
