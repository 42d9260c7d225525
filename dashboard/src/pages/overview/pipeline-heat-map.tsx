import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ApplicationType } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import type { PipelineCell } from "../../api/overview";
import { labelsOf, type Reference } from "../../api/reference";
import { WordWrap } from "../../components/word-wrap";
import { formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";

const useStyles = makeStyles({
  wrap: { overflowX: "auto" },
  table: { borderCollapse: "separate", borderSpacing: "3px", fontSize: tokens.fontSizeBase300 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
  },
  // Stage names wrap onto two lines (教务处分管领导审批 is long), between words (WordWrap): with a dozen and more
  // stages, one line each pushed the last columns (办结 …) out of a 1440-px window.
  colHead: {
    textAlign: "center",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "normal",
    width: "64px",
    maxWidth: "84px",
    lineHeight: tokens.lineHeightBase200,
    fontSize: tokens.fontSizeBase200,
  },
  // The type stays in view when a narrow window scrolls the map sideways.
  bottom: { verticalAlign: "bottom" },
  rowHead: { position: "sticky", left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  cell: {
    minWidth: "56px",
    height: "40px",
    border: "2px solid transparent",
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    width: "100%",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  overdue: {
    borderTopColor: tokens.colorPaletteRedBorderActive,
    borderRightColor: tokens.colorPaletteRedBorderActive,
    borderBottomColor: tokens.colorPaletteRedBorderActive,
    borderLeftColor: tokens.colorPaletteRedBorderActive,
  },
  // A white pill so the red stays readable (WCAG contrast) on every shade of the map.
  overdueCount: {
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontWeight: tokens.fontWeightSemibold,
    marginLeft: "4px",
    padding: "0 4px",
    borderRadius: tokens.borderRadiusSmall,
  },
  none: { textAlign: "center", color: tokens.colorNeutralForeground4 },
  total: { textAlign: "right", padding: `0 ${tokens.spacingHorizontalM}`, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
});

/** Stages as columns: every workflow's stages in order, merged (a stage key keeps its first position). */
export function stageColumns(reference: Reference): string[] {
  const columns: string[] = [];
  for (const workflow of reference.workflows) {
    let at = 0;
    for (const stage of workflow.stages) {
      const found = columns.indexOf(stage);
      if (found >= 0) at = found + 1;
      else columns.splice(at++, 0, stage);
    }
  }
  return columns;
}

/** Shade from the brand ramp by share of the busiest cell, light enough for dark text. */
function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return tokens.colorNeutralBackground3;
  const steps = ["#DCE6F4", "#CED7EF", "#BAC9E9", "#A6BAE2", "#92ACDC"];
  return steps[Math.min(steps.length - 1, Math.floor((count / max) * steps.length))] as string;
}

/**
 * The pipeline: application type × stage, open applications counted, the overdue part in red (a red
 * border marks a cell with any). A cell is a button that opens the list filtered to that type and stage.
 */
export function PipelineHeatMap({
  cells,
  reference,
  onOpen,
}: {
  cells: PipelineCell[];
  reference: Reference;
  onOpen: (type: ApplicationType, stage: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const labels = labelsOf(reference, locale);
  const columns = stageColumns(reference).filter((s) => s !== "effective" && s !== "rejected");
  const sums = new Map<string, { count: number; overdue: number }>();
  for (const c of cells) {
    const key = `${c.type}|${c.stage}`;
    const sum = sums.get(key) ?? { count: 0, overdue: 0 };
    sum.count += Number(c.count);
    sum.overdue += Number(c.overdue);
    sums.set(key, sum);
  }
  const max = Math.max(0, ...[...sums.values()].map((s) => s.count));
  return (
    <div className={styles.wrap}>
      <table className={styles.table} aria-label={t("overview.pipeline")}>
        <thead>
          <tr>
            <th className={mergeClasses(styles.th, styles.rowHead, styles.bottom)} scope="col">
              {t("overview.type")}
            </th>
            {columns.map((stage) => (
              <th key={stage} className={mergeClasses(styles.th, styles.colHead)} scope="col">
                <WordWrap
                  text={labels.stage(reference.workflows.find((w) => w.stages.includes(stage))?.type ?? "", stage)}
                  locale={locale}
                />
              </th>
            ))}
            <th className={mergeClasses(styles.th, styles.total, styles.bottom)} scope="col">
              {t("overview.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {reference.workflows.map((workflow) => {
            const rowTotal = workflow.stages.reduce((n, s) => n + (sums.get(`${workflow.type}|${s}`)?.count ?? 0), 0);
            return (
              <tr key={workflow.type}>
                <th className={mergeClasses(styles.th, styles.rowHead)} scope="row">
                  {workflow.name[locale]}
                </th>
                {columns.map((stage) => {
                  if (!workflow.stages.includes(stage))
                    return (
                      <td key={stage} className={styles.none} aria-label={t("overview.notAStage")}>
                        —
                      </td>
                    );
                  const sum = sums.get(`${workflow.type}|${stage}`) ?? { count: 0, overdue: 0 };
                  const name = `${workflow.name[locale]} · ${labels.stage(workflow.type, stage)}`;
                  return (
                    <td key={stage}>
                      <button
                        type="button"
                        className={mergeClasses(styles.cell, sum.overdue > 0 && styles.overdue)}
                        style={{ backgroundColor: shade(sum.count, max) }}
                        onClick={() => onOpen(workflow.type, stage)}
                        aria-label={t("overview.cellLabel", { name, count: sum.count, overdue: sum.overdue })}
                        data-testid={`heat-${workflow.type}-${stage}`}
                      >
                        {formatNumber(sum.count, locale)}
                        {sum.overdue > 0 ? <span className={styles.overdueCount}>({formatNumber(sum.overdue, locale)})</span> : null}
                      </button>
                    </td>
                  );
                })}
                <td className={styles.total}>{formatNumber(rowTotal, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
