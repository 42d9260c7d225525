import { makeStyles, Text } from "@fluentui/react-components";
import type { ColumnOverride, Locale } from "@xueji/shared";
import { SEVERITY_STRONG } from "@xueji/theme";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { count } from "../../check/check-result";
import { ColumnMapping } from "../ColumnMapping";
import type { CheckedSheet } from "../check-state";

const useStyles = makeStyles({
  summary: { display: "flex", flexDirection: "column", gap: "2px" },
});

function Counts({
  label,
  issues,
  testId,
}: {
  label: string;
  issues: readonly { severity: "error" | "warning" | "info" }[];
  testId: string;
}) {
  const { t } = useTranslation();
  const c = count(issues);
  return (
    <Text data-testid={testId} data-errors={c.errors} data-warnings={c.warnings} data-infos={c.infos}>
      {label}
      <span style={{ color: c.errors ? SEVERITY_STRONG.error : undefined, fontWeight: 600 }}>{t("check.summary", { ...c })}</span>
    </Text>
  );
}

/** The sheet's counts and the record's, what the reader found (kind, header, rows) and the column mapping. */
export function CheckSummary(props: { sheet: CheckedSheet; busy: boolean; locale: Locale; onRemap: (columns: ColumnOverride) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { result, grid, columns, sheetName } = props.sheet;
  const sheetIssues = useMemo(() => result.issues.filter((i) => i.source === "sheet"), [result]);
  const recordIssues = useMemo(() => result.issues.filter((i) => i.source === "record"), [result]);
  return (
    <div className={styles.summary} data-testid="summary">
      <Counts label={t("check.sheetSummary")} issues={sheetIssues} testId="summary-sheet" />
      {result.withRecord ? <Counts label={t("check.recordSummary")} issues={recordIssues} testId="summary-record" /> : null}
      <Text size={200}>
        {result.kind && result.headerRow
          ? t("check.detected", { kind: t(`kinds.${result.kind}`), row: result.headerRow })
          : t("check.notDetected")}
        {result.kind ? ` · ${t("check.rows", { rows: result.dataRows })}` : ""}
        {result.kind && result.dataEnd ? ` · ${t("check.dataEnd", { row: result.dataEnd.row, text: result.dataEnd.text })}` : ""}
      </Text>
      {result.headerRow && (result.columns.length || columns) ? (
        <ColumnMapping
          key={`${sheetName}|${JSON.stringify(columns)}|${result.headerRow}`}
          grid={grid}
          headerRow={result.headerRow}
          mapped={result.columns}
          saved={columns}
          open={result.issues.some((i) => i.code === "sheet.missing-column")}
          busy={props.busy}
          locale={props.locale}
          onApply={props.onRemap}
        />
      ) : null}
      {result.issues.length === 0 ? <Text>{t("check.clean")}</Text> : null}
    </div>
  );
}
