import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowForwardRegular } from "@fluentui/react-icons";
import { AUDIT_STAGE_LABELS, AUDIT_STAGES, type AuditStage, mayAdvanceAudit } from "@xueji/shared";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AuditSummaryRow } from "../../api/graduation";
import { labelsOf, useReference } from "../../api/reference";
import { LabelValueTable } from "../../components/label-value-table";
import { formatNumber, formatPercent } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useMay, useMe } from "../../shell/use-me";

const useStyles = makeStyles({
  row: { cursor: "pointer" },
  open: { backgroundColor: tokens.colorBrandBackground2 },
  // Names and the button (推进到“教务处复核”) take their width on one line; the six numbers share the rest.
  college: { width: "9rem" },
  stage: { width: "6rem" },
  advance: { width: "12rem" },
  nowrap: { whiteSpace: "nowrap" },
});

/**
 * A cohort's results by college: a row opens the college's students (click or Enter); the button moves
 * the college's list on, offered only where shared's `mayAdvanceAudit` lets the reader (docs/domain.md §6).
 */
export function AuditSummaryTable({
  cohort,
  rows,
  openCollegeId,
  onOpen,
  onAdvance,
}: {
  cohort: number;
  rows: AuditSummaryRow[];
  openCollegeId: number | undefined;
  onOpen: (collegeId: number) => void;
  onAdvance: (collegeId: number, from: AuditStage) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const me = useMe();
  const labels = labelsOf(useReference().data, locale);
  const mayAdvance = useMay("graduation.advance");
  const stageName = (stage: string) => AUDIT_STAGE_LABELS[stage as AuditStage]?.[locale] ?? stage;
  return (
    <LabelValueTable
      label={t("graduation.byCollege", { cohort })}
      rows={rows}
      rowKey={(r) => r.collegeId}
      rowProps={(r) => ({
        className: mergeClasses(styles.row, openCollegeId === r.collegeId && styles.open),
        onClick: () => onOpen(r.collegeId),
        onKeyDown: (e: KeyboardEvent) => e.key === "Enter" && onOpen(r.collegeId),
        tabIndex: 0,
      })}
      columns={[
        { id: "college", label: t("graduation.col.college"), value: (r) => labels.college(r.collegeId), className: styles.college },
        { id: "stage", label: t("graduation.col.stage"), className: styles.stage, value: (r) => stageName(r.stage) },
        { id: "students", label: t("graduation.col.students"), value: (r) => formatNumber(r.students, locale) },
        { id: "graduate", label: t("graduation.col.graduate"), value: (r) => formatNumber(r.graduate, locale) },
        { id: "complete", label: t("graduation.col.complete"), value: (r) => formatNumber(r.complete, locale) },
        { id: "degree", label: t("graduation.col.degree"), value: (r) => formatNumber(r.degree, locale) },
        {
          id: "passRate",
          label: t("graduation.col.passRate"),
          value: (r) => (r.students ? formatPercent(r.graduate / r.students, locale) : "—"),
        },
        { id: "dataIncomplete", label: t("graduation.col.dataIncomplete"), value: (r) => formatNumber(r.dataIncomplete, locale) },
        {
          id: "actions",
          label: t("graduation.col.actions"),
          className: styles.advance,
          value: (r) => {
            const stage = r.stage as AuditStage;
            const next = AUDIT_STAGES[AUDIT_STAGES.indexOf(stage) + 1];
            return mayAdvance && next && mayAdvanceAudit(me.role, stage) ? (
              <Button
                size="small"
                icon={<ArrowForwardRegular />}
                className={styles.nowrap}
                onClick={(e) => {
                  e.stopPropagation();
                  onAdvance(r.collegeId, stage);
                }}
              >
                {t("graduation.advance", { stage: stageName(next) })}
              </Button>
            ) : null;
          },
        },
      ]}
    />
  );
}
