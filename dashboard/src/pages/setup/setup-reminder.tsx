import "../organisation/organisation-words";
import { MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { setupQuery } from "../../api/organisation";
import { useMay } from "../../shell/use-me";

/** On the registrar's landing page while the set-up is incomplete: how many items are left, and the way to the checklist. */
export function SetupReminder() {
  const mayRead = useMay("organisation.read");
  return mayRead ? <Reminder /> : null;
}

function Reminder() {
  const { t } = useTranslation();
  const status = useQuery(setupQuery());
  const left = status.data?.items.filter((i) => !i.done).length ?? 0;
  if (!status.data || status.data.complete) return null;
  return (
    <MessageBar intent="warning" data-testid="setup-reminder">
      <MessageBarBody>{t("setupPage.reminder", { count: left })}</MessageBarBody>
      <MessageBarActions>
        <Link to="/setup">{t("setupPage.reminderLink")}</Link>
      </MessageBarActions>
    </MessageBar>
  );
}
