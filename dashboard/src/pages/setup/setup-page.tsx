import "../organisation/organisation-words";
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, CircleRegular } from "@fluentui/react-icons";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { SetupItem } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import { setupQuery } from "../../api/organisation";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { may, useMe } from "../../shell/use-me";
import { SETUP_LINKS } from "./setup-links";
import { useShowsSetupList } from "./setup-list-shown";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "48rem" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  text: { flexGrow: 1 },
  done: { color: tokens.colorPaletteGreenForeground1, fontSize: "20px", flexShrink: 0 },
  todo: { color: tokens.colorNeutralForeground3, fontSize: "20px", flexShrink: 0 },
});

export function SetupPage() {
  return (
    <RequirePermission permission="organisation.read">
      <Setup />
    </RequirePermission>
  );
}

/** 开始使用: the set-up checklist, each item with where to do it (the link only for a role that may). */
function Setup() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const { role } = useMe();
  const status = useQuery(setupQuery());
  useShowsSetupList(true);
  return (
    <div className={styles.stack}>
      <PageHeader title={t("setupPage.title")} />
      <QueryState query={status}>
        {(s) => (
          <>
            <Text>{s.complete ? t("setupPage.complete") : t("setupPage.intro", { year: s.academicYear })}</Text>
            <ol className={styles.list} aria-label={t("setupPage.title")}>
              {s.items.map((item) => {
                const link = SETUP_LINKS[item.item as SetupItem];
                return (
                  <li key={item.item} className={styles.item} data-testid={`setup-${item.item}`} data-done={item.done}>
                    {item.done ? (
                      <CheckmarkCircleRegular className={styles.done} aria-hidden />
                    ) : (
                      <CircleRegular className={styles.todo} aria-hidden />
                    )}
                    <Text className={styles.text}>{item.message[locale]}</Text>
                    <Badge appearance="tint" color={item.done ? "success" : "warning"}>
                      {item.done ? t("setupPage.done") : t("setupPage.todo")}
                    </Badge>
                    {may(role, link.permission) ? (
                      <Link to={link.to} search={link.search} aria-label={`${t("setupPage.go")}：${item.message[locale]}`}>
                        {t("setupPage.go")}
                      </Link>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </QueryState>
    </div>
  );
}
