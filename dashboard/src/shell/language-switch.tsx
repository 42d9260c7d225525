import { Button } from "@fluentui/react-components";
import { LocalLanguageRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { switchLocale } from "../i18n";

/** 中文 ⇄ English; the choice is remembered and sent to the server as Accept-Language. */
export function LanguageSwitch({ onBrand = false }: { onBrand?: boolean }) {
  const { i18n, t } = useTranslation();
  const english = i18n.language === "en";
  return (
    <Button
      appearance={onBrand ? "transparent" : "subtle"}
      style={onBrand ? { color: "inherit" } : undefined}
      icon={<LocalLanguageRegular />}
      title={t("shell.language")}
      onClick={() => switchLocale(english ? "zh-CN" : "en")}
      lang={english ? "zh-CN" : "en"}
    >
      {english ? "中文" : "English"}
    </Button>
  );
}
