import { Badge, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { isProvisionalDeadline } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import { systemWarningsQuery } from "../api/overview";
import { SETUP_LINKS, setupItemOfWarning } from "../pages/setup/setup-links";
import { useSetupListShown } from "../pages/setup/setup-list-shown";
import { may, useMe } from "./use-me";

const useStyles = makeStyles({
  bar: { marginBottom: tokens.spacingVerticalM },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  item: { marginBottom: tokens.spacingVerticalXXS },
  itemLink: { marginLeft: tokens.spacingHorizontalS, whiteSpace: "nowrap" },
});

/**
 * What the server warns about, shown to those who can fix it (the server sends the words to the roles
 * holding settings.write only): a holiday calendar that lacks a year the academic year spans, a college without
 * a secretary … Several are one bar listing them, each with its way there, as 开始使用's reminder lists its items:
 * a bar each stacked two and three warning boxes above every page a leader opened.
 */
export function SystemWarnings() {
  const { t } = useTranslation();
  const styles = useStyles();
  const all = useQuery(systemWarningsQuery()).data?.warnings ?? [];
  // Where the page lists the set-up's missing items itself (开始使用, the landing page's reminder), not twice.
  const listed = useSetupListShown();
  const warnings = listed ? all.filter((w) => setupItemOfWarning(w.code) === null) : all;
  const [only] = warnings;
  if (!only) return null;
  return (
    <div data-testid="system-warnings" className={styles.bar}>
      {warnings.length === 1 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("frame.warningTitle")}</MessageBarTitle>
            {only.message}
          </MessageBarBody>
          <MessageBarActions>
            <WarningLink code={only.code} />
          </MessageBarActions>
        </MessageBar>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("frame.warningsTitle", { count: warnings.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {warnings.map((w) => (
                <li key={w.code} className={styles.item}>
                  {w.message}
                  <span className={styles.itemLink}>
                    <WarningLink code={w.code} />
                  </span>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/**
 * Where a warning is fixed: the place 开始使用 links its set-up item to (the holidays at 设置, a missing
 * secretary at 用户, the record at 导入 …), named; 开始使用 itself for a reader who may not go there.
 */
function WarningLink({ code }: { code: string }) {
  const { t } = useTranslation();
  const { role } = useMe();
  const item = setupItemOfWarning(code);
  const link = item ? SETUP_LINKS[item] : null;
  const target = link && may(role, link.permission) ? link : { to: "/setup", search: {}, page: "setup" };
  return (
    <Link to={target.to} search={target.search} data-testid={`warning-go-${code}`}>
      {t("shell.goTo", { page: t(`nav.${target.page}`) })}
    </Link>
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
