import { makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITY_STRONG } from "@xueji/theme";
import { useTranslation } from "react-i18next";
import type { AuditRates, LeadTime, PipelineCell } from "../../api/overview";
import { labelsOf, type Reference, stageName } from "../../api/reference";
import { BarChart } from "../../components/bar-chart";
import { Section } from "../../components/section";
import { collator, formatNumber, formatPercent } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(380px, 1fr))", gap: tokens.spacingHorizontalL },
});

/** The leaders' charts: lead time per stage, overdue by college, graduation audit pass rates by college. */
export function LeaderCharts({
  leadTimes,
  pipeline,
  audits,
  reference,
}: {
  leadTimes: LeadTime[];
  pipeline: PipelineCell[];
  audits: AuditRates;
  reference: Reference;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const labels = labelsOf(reference, locale);
  const byName = (a: { label: string }, b: { label: string }) => collator(locale).compare(a.label, b.label);
  const anyWorkflow = (stage: string) => reference.workflows.find((w) => w.stages.includes(stage));
  const lead = leadTimes
    .map((l) => ({
      label: stageName(anyWorkflow(l.stage), l.stage, locale),
      value: l.medianWorkingDays,
      display: t("overview.days", { n: formatNumber(l.medianWorkingDays, locale) }),
    }))
    .sort((a, b) => b.value - a.value);
  const overdueBy = new Map<number, number>();
  for (const c of pipeline) overdueBy.set(c.collegeId, (overdueBy.get(c.collegeId) ?? 0) + Number(c.overdue));
  const overdue = [...overdueBy.entries()]
    .map(([id, n]) => ({ label: labels.college(id), value: n, display: formatNumber(n, locale) }))
    .sort(byName);
  const rates = audits.rows
    .map((r) => {
      const rate = r.students ? r.graduate / r.students : 0;
      return { label: labels.college(r.collegeId), value: rate, display: `${formatPercent(rate, locale)}（${r.graduate}/${r.students}）` };
    })
    .sort(byName);
  return (
    <div className={styles.grid}>
      <Section title={t("overview.leadTimes")} note={t("overview.leadTimesNote")}>
        <BarChart bars={lead} label={t("overview.leadTimes")} />
      </Section>
      <Section title={t("overview.overdueByCollege")}>
        <BarChart bars={overdue} label={t("overview.overdueByCollege")} colour={SEVERITY_STRONG.error} />
      </Section>
      <Section title={t("overview.auditPassRates", { cohort: audits.cohort })}>
        <BarChart bars={rates} label={t("overview.auditPassRates", { cohort: audits.cohort })} />
      </Section>
    </div>
  );
}
