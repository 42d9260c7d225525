import { VerticalBarChart } from "@fluentui/react-charts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { AuditRates, LeadTime, PipelineCell } from "../../api/overview";
import { labelsOf, type Reference, stageName } from "../../api/reference";
import { Section } from "../../components/section";
import { collator } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(380px, 1fr))", gap: tokens.spacingHorizontalL },
  empty: { color: tokens.colorNeutralForeground3 },
});

/**
 * The leaders' charts (bundled @fluentui/react-charts, loaded with this chunk only when a leader opens the
 * overview): lead time per stage, overdue by college, graduation audit pass rates by college.
 */
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
  const anyWorkflow = (stage: string) => reference.workflows.find((w) => w.stages.includes(stage));
  const lead = leadTimes
    .map((l) => ({ x: stageName(anyWorkflow(l.stage), l.stage, locale), y: l.medianWorkingDays, legend: t("overview.medianDays") }))
    .sort((a, b) => b.y - a.y);
  const overdueBy = new Map<number, number>();
  for (const c of pipeline) overdueBy.set(c.collegeId, (overdueBy.get(c.collegeId) ?? 0) + Number(c.overdue));
  const overdue = [...overdueBy.entries()]
    .map(([id, n]) => ({ x: labels.college(id), y: n, legend: t("overview.overdueLegend"), color: "#A4262C" }))
    .sort((a, b) => collator(locale).compare(a.x, b.x));
  const rates = audits.rows
    .map((r) => ({
      x: labels.college(r.collegeId),
      y: r.students ? Math.round((r.graduate / r.students) * 1000) / 10 : 0,
      legend: t("overview.passRate"),
    }))
    .sort((a, b) => collator(locale).compare(a.x, b.x));
  const chart = (title: string, data: Array<{ x: string; y: number; legend: string; color?: string }>, unit: string) => (
    <Section title={title}>
      {data.length ? (
        <VerticalBarChart
          data={data}
          height={260}
          chartTitle={title}
          yAxisTitle={unit}
          hideLegend
          useSingleColor={!data[0]?.color}
          wrapXAxisLables
        />
      ) : (
        <Text className={styles.empty}>{t("state.empty")}</Text>
      )}
    </Section>
  );
  return (
    <div className={styles.grid}>
      {chart(t("overview.leadTimes"), lead, t("overview.workingDays"))}
      {chart(t("overview.overdueByCollege"), overdue, t("overview.applications"))}
      {chart(t("overview.auditPassRates", { cohort: audits.cohort }), rates, "%")}
    </div>
  );
}
