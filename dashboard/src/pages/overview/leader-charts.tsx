import { VerticalBarChart } from "@fluentui/react-charts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { AuditRates, LeadTime, PipelineCell } from "../../api/overview";
import { labelsOf, type Reference, stageName } from "../../api/reference";
import { Section } from "../../components/section";
import { collator, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(380px, 1fr))", gap: tokens.spacingHorizontalL },
  empty: { color: tokens.colorNeutralForeground3 },
  bars: {
    width: "100%",
    borderCollapse: "collapse",
    "& th": { textAlign: "left", fontWeight: tokens.fontWeightRegular, whiteSpace: "nowrap", paddingRight: tokens.spacingHorizontalM },
    "& td": { padding: "4px 0" },
  },
  bar: {
    display: "inline-block",
    height: "14px",
    minWidth: "2px",
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  num: { whiteSpace: "nowrap", textAlign: "right", paddingLeft: tokens.spacingHorizontalM, fontVariantNumeric: "tabular-nums" },
});

/**
 * The leaders' charts (bundled @fluentui/react-charts, loaded with this chunk only when a leader opens the
 * overview): lead time per stage (a bar list: stage names are long and medians are often 0 or 1 day, which a
 * bar chart draws as nothing), overdue by college, graduation audit pass rates by college.
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
  const maxLead = Math.max(0, ...lead.map((l) => l.y));
  const overdueBy = new Map<number, number>();
  for (const c of pipeline) overdueBy.set(c.collegeId, (overdueBy.get(c.collegeId) ?? 0) + Number(c.overdue));
  const overdue = [...overdueBy.entries()]
    .map(([id, n]) => ({
      x: labels.college(id),
      y: n,
      legend: t("overview.overdueLegend"),
      color: "#A4262C",
      barLabel: formatNumber(n, locale),
    }))
    .sort((a, b) => collator(locale).compare(a.x, b.x));
  const rates = audits.rows
    .map((r) => ({
      x: labels.college(r.collegeId),
      y: r.students ? Math.round((r.graduate / r.students) * 1000) / 10 : 0,
      legend: t("overview.passRate"),
    }))
    .sort((a, b) => collator(locale).compare(a.x, b.x));
  const chart = (title: string, data: Array<{ x: string; y: number; legend: string; color?: string; barLabel?: string }>, unit: string) => (
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
      <Section title={t("overview.leadTimes")} note={t("overview.leadTimesNote")}>
        {lead.length ? (
          <table className={styles.bars} aria-label={t("overview.leadTimes")}>
            <tbody>
              {lead.map((l) => (
                <tr key={l.x}>
                  <th scope="row">{l.x}</th>
                  <td>
                    <span className={styles.bar} style={{ width: `${maxLead ? (l.y / maxLead) * 100 : 0}%` }} />
                  </td>
                  <td className={styles.num}>{t("overview.days", { n: formatNumber(l.y, locale) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Text className={styles.empty}>{t("state.empty")}</Text>
        )}
      </Section>
      {chart(t("overview.overdueByCollege"), overdue, t("overview.applications"))}
      {chart(t("overview.auditPassRates", { cohort: audits.cohort }), rates, "%")}
    </div>
  );
}
