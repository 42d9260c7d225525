import "../organisation/organisation-words";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { SetupItem } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import { setupQuery } from "../../api/organisation";
import { useLocale } from "../../i18n/use-locale";
import { may, useMay, useMe } from "../../shell/use-me";
import { SETUP_LINKS } from "./setup-links";
import { useShowsSetupList } from "./setup-list-shown";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  bar: { marginBottom: tokens.spacingVerticalL },
});

/**
 * On the administrator's and the registrar's landing page while the set-up is incomplete: what is still
 * missing, each with where to do it, and the way to the whole checklist (开始使用). Gone once complete.
 */
export function SetupReminder() {
  const mayRead = useMay("organisation.read");
  return mayRead ? <Reminder /> : null;
}

function Reminder() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const { role } = useMe();
  const status = useQuery(setupQuery());
  const incomplete = status.data?.complete === false;
  useShowsSetupList(incomplete);
  if (!status.data || !incomplete) return null;
  const missing = status.data.items.filter((i) => !i.done);
  return (
    <MessageBar intent="warning" layout="multiline" className={styles.bar} data-testid="setup-reminder">
      <MessageBarBody>
        <MessageBarTitle>{t("setupPage.reminder", { count: missing.length })}</MessageBarTitle>
        <ul className={styles.list}>
          {missing.map((item) => {
            const link = SETUP_LINKS[item.item as SetupItem];
            return (
              <li key={item.item}>
                {may(role, link.permission) ? (
                  <Link to={link.to} search={link.search}>
                    {item.message[locale]}
                  </Link>
                ) : (
                  item.message[locale]
                )}
              </li>
            );
          })}
        </ul>
        <Link to="/setup">{t("setupPage.reminderLink")}</Link>
      </MessageBarBody>
    </MessageBar>
  );
}
