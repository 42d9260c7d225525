import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Empty } from "../components/page-state";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Empty title={t("shell.notFound")}>
      <Link to="/">{t("shell.home")}</Link>
    </Empty>
  );
}
