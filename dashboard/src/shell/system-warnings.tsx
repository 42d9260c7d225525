import { Badge, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { isProvisionalDeadline } from "@xueji/shared/src/calendar/provisional";
import { useTranslation } from "react-i18next";
import { systemWarningsQuery } from "../api/overview";

const useStyles = makeStyles({ bar: { marginBottom: tokens.spacingVerticalM } });

/**
 * What the server warns about, shown to those who can fix it (the server sends the words to the roles
 * holding settings.write only): today, a holiday calendar that lacks a year the academic year spans.
 */
export function SystemWarnings() {
  const { t } = useTranslation();
  const styles = useStyles();
  const warnings = useQuery(systemWarningsQuery()).data?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <div data-testid="system-warnings" className={styles.bar}>
      {warnings.map((w) => (
        <MessageBar key={w.code} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("frame.warningTitle")}</MessageBarTitle>
            {w.message}
          </MessageBarBody>
          <MessageBarActions>
            <>
              <Link to="/settings">{t("frame.fixInSettings")}</Link>
            </>
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}

/** The provisional years, for marking deadlines 暂定 (empty until known). */
export function useProvisionalYears(): readonly number[] {
  return useQuery(systemWarningsQuery()).data?.provisionalYears ?? [];
}

/** A 暂定 mark beside a deadline that may move (its year's public holidays are not entered yet). */
export function ProvisionalMark({ date }: { date: string | null | undefined }) {
  const { t } = useTranslation();
  const years = useProvisionalYears();
  if (!isProvisionalDeadline(date, years)) return null;
  return (
    // Not focusable: it sits inside rows that open on click or Enter (a focusable mark there would nest).
    <Badge appearance="outline" color="warning" size="small" data-testid="provisional" title={t("frame.provisionalHint")}>
      {t("frame.provisional")}
    </Badge>
  );
}
