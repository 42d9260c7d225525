import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { type ApplicationDates, type CurrentDeadline, currentDeadline, isOverdue } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import "./applications-words";

const useStyles = makeStyles({
  line: { display: "inline-flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
});

/** The deadline's rule and date, as every screen words it: 办理期限 2026/11/30 (or 学籍注销期限 …). */
export function useDeadlineRule() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (deadline: CurrentDeadline) => t(`journey.deadline.${deadline.kind}`, { date: formatDate(deadline.date, locale) });
}

/**
 * A list row's deadline (shared currentDeadline/isOverdue, the rule the heat map's counts and the 只看逾期
 * filter use): the date it runs against now, and 逾期 when past, its rule in the tooltip.
 */
export function DeadlineCell({ row, today }: { row: ApplicationDates; today: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rule = useDeadlineRule();
  const deadline = currentDeadline(row);
  if (!deadline) return <span>{formatDate(row.dueOn, locale)}</span>;
  const overdue = isOverdue(row, today);
  return (
    <span title={rule(deadline)}>
      {formatDate(deadline.date, locale)}
      {overdue ? (
        <Badge
          appearance="filled"
          color="danger"
          size="small"
          style={{ marginLeft: 4 }}
          aria-label={`${rule(deadline)} · ${t("journey.deadline.overdue")}`}
        >
          {t("applications.overdue")}
        </Badge>
      ) : null}
    </span>
  );
}

/**
 * 我的待办's and the application page's deadline: its rule, its date and the working days left or
 * overdue (the server counts them with the registrar's calendar): 办理期限 2026/11/30 · 已逾期 4 个工作日.
 */
export function DeadlineBadge({
  deadline,
  workingDaysLeft,
  executedOn = null,
}: {
  deadline: CurrentDeadline | null;
  workingDaysLeft: number | null;
  /** Carried out on: with no deadline left (at 上报, its 办理期限 met), the row says so rather than a bare dash. */
  executedOn?: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const rule = useDeadlineRule();
  if (!deadline || workingDaysLeft === null)
    return <span>{executedOn ? t("journey.deadline.executed", { date: formatDate(executedOn, locale) }) : "—"}</span>;
  return (
    <span className={styles.line}>
      {/* The space is for the text read aloud or copied (the gap draws it): 办理期限 … · 已逾期 4 个工作日. */}
      <span>{rule(deadline)} ·</span>{" "}
      {workingDaysLeft < 0 ? (
        <Badge color="danger" appearance="filled">
          {t("journey.deadline.overdueBy", { count: -workingDaysLeft })}
        </Badge>
      ) : workingDaysLeft === 0 ? (
        <Badge color="warning" appearance="filled">
          {t("journey.deadline.dueToday")}
        </Badge>
      ) : (
        <Badge color={workingDaysLeft <= 2 ? "warning" : "informative"} appearance="tint">
          {t("journey.deadline.left", { count: workingDaysLeft })}
        </Badge>
      )}
    </span>
  );
}
