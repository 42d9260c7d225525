import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  ProgressBar,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { SHEET_KINDS, type SheetKind, widespreadRecordIssue } from "@xueji/shared";
import { SEVERITY_STRONG } from "@xueji/theme";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { checkLocally, count, submitAllowed } from "../check/check-result";
import { planFixes } from "../check/fixes";
import { nearbyTerms } from "../check/term";
import type { HostCapabilities } from "../host/sheet-host";
import { useApp } from "./app-context";
import { ColumnMapping } from "./ColumnMapping";
import { useCheck } from "./check-store";
import { FixDialog } from "./FixDialog";
import { IssueList } from "./IssueList";
import { Receipt } from "./Receipt";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    height: "100%",
    minHeight: 0,
    // Only the issue list gives up height when the page is full; squeezed, a message bar's text would overlap what follows.
    "& > :not([data-testid='issue-list'])": { flexShrink: 0 },
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  grow: { flex: 1, minWidth: "120px" },
  summary: { display: "flex", flexDirection: "column", gap: "2px" },
  counts: { fontWeight: tokens.fontWeightSemibold },
  hidden: { display: "none" },
});

/** What this Excel cannot do, for the pane to say plainly (the requirement sets of README, “Which Excel”). */
function olderExcel(capabilities: HostCapabilities): Array<"rangeAreas" | "notes" | "comments" | "dropdowns"> {
  const missing: Array<"rangeAreas" | "notes" | "comments" | "dropdowns"> = [];
  if (!capabilities.rangeAreas) missing.push("rangeAreas");
  // Notes need ExcelApi 1.18; from 1.10 the messages go on the cells as comments instead.
  if (!capabilities.notes) missing.push(capabilities.comments ? "comments" : "notes");
  if (!capabilities.dropdowns) missing.push("dropdowns");
  return missing;
}

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

export function CheckPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { today, excel, locale } = useApp();
  const store = useCheck();
  const { state } = store;
  const fileInput = useRef<HTMLInputElement>(null);
  const [fixing, setFixing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const host = state.host;
  const fileMode = !excel;
  const busy = state.phase.step === "reading" || state.phase.step === "fixing" || state.phase.step === "submitting";
  const result = state.result;
  const sheetIssues = useMemo(() => result?.issues.filter((i) => i.source === "sheet") ?? [], [result]);
  const recordIssues = useMemo(() => result?.issues.filter((i) => i.source === "record") ?? [], [result]);
  const fixes = useMemo(() => {
    if (!result || (!excel && !fixing)) return { safe: [], fromRecord: [], formulaCells: [] };
    if (excel) return planFixes(state.grid, result.issues, result.rows, result.columns);
    // File mode: the server's report carries messages, not the values a fix writes, so the shared
    // reader runs here once, when the secretary asks for the fixes (not on every check).
    const local = checkLocally(state.grid, { today, kind: result.kind, columns: state.columns, locale, sheetName: state.sheetName });
    return planFixes(state.grid, result.withRecord ? result.issues : local.issues, local.rows, result.columns);
  }, [result, excel, fixing, state.grid, state.columns, today, locale, state.sheetName]);
  // Excel mode: the grid holds values only, so the preview asks Excel which of its cells hold formulas.
  const [formulas, setFormulas] = useState<ReadonlySet<string>>(new Set());
  const preview = useMemo(() => {
    if (!formulas.size) return fixes;
    const free = (f: { column: string; row: number }) => !formulas.has(`${f.column}${f.row}`);
    return {
      safe: fixes.safe.filter(free),
      fromRecord: fixes.fromRecord.filter(free),
      formulaCells: [...new Set([...fixes.formulaCells, ...formulas])],
    };
  }, [fixes, formulas]);
  const openFixes = async () => {
    let found: string[] = [];
    if (excel) {
      try {
        found = await excel.formulaCells([...fixes.safe, ...fixes.fromRecord]);
      } catch {
        // Unknown: the writer still leaves formula cells alone and names them afterwards.
      }
    }
    setFormulas(new Set(found));
    setFixing(true);
  };
  // Only an older Excel lacks something: WPS 表格 has comments as its only kind of cell message.
  const missing = excel?.mode === "excel" ? olderExcel(excel.capabilities).map((c) => t(`check.missing.${c}`)) : [];
  const phase = state.phase;
  const errors = result ? count(result.issues).errors : 0;
  // The kinds that must be error-free (shared's rule, the template in force): said before 提交, which waits.
  const blocked = !!result?.kind && !submitAllowed(result);
  const widespread = result?.withRecord ? widespreadRecordIssue(result.issues, result.dataRows) : null;

  return (
    <section className={styles.page} aria-label={t("nav.check")}>
      <div className={styles.row}>
        <Field label={t("check.term")} className={styles.grow}>
          <Select value={state.term} onChange={(_, d) => store.setTerm(d.value)}>
            {nearbyTerms(today).map((term) => (
              <option key={term} value={term}>
                {term}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("check.kind")} className={styles.grow}>
          <Select value={state.kind ?? ""} onChange={(_, d) => store.setKind((d.value || null) as SheetKind | null)}>
            <option value="">{t("check.autoKind")}</option>
            {SHEET_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {fileMode ? (
        <div className={styles.row}>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept=".xlsx,.xlsm,.csv"
            data-testid="file-input"
            aria-label={t("check.openFile")}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) store.openFile(file);
              e.target.value = "";
            }}
          />
          <Button onClick={() => fileInput.current?.click()}>{t("check.openFile")}</Button>
          <Text className={styles.grow} truncate wrap={false} title={state.file?.name} data-testid="file-name">
            {state.file?.name ?? t("check.noFile")}
          </Text>
        </div>
      ) : null}

      <div className={styles.row}>
        <Button appearance="primary" disabled={!host || busy} onClick={() => void store.runCheck()}>
          {busy && phase.step === "reading" ? t("check.running") : t("check.run")}
        </Button>
        <Button disabled={!result || busy} onClick={() => void openFixes()}>
          {t("check.fix")}
        </Button>
        {excel ? (
          <Button disabled={!result || busy} onClick={() => void store.clearMarks()}>
            {t("check.clear")}
          </Button>
        ) : (
          <Button disabled={!result || busy} onClick={() => void store.download()}>
            {t("check.download")}
          </Button>
        )}
        {!excel && state.fixedFile ? (
          <Button disabled={busy} onClick={store.downloadFixed}>
            {t("check.downloadFixed")}
          </Button>
        ) : null}
        <Button
          disabled={!result?.kind || blocked || busy || phase.step === "record"}
          onClick={() => setConfirming(true)}
          aria-describedby={blocked ? "submit-blocked" : undefined}
        >
          {t("check.submit")}
        </Button>
      </div>
      {blocked && result?.kind ? (
        <MessageBar intent="warning" layout="multiline" data-testid="submit-blocked">
          <MessageBarBody id="submit-blocked">{t("submit.blocked", { kind: t(`kinds.${result.kind}`), errors })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {widespread ? (
        <MessageBar intent="warning" layout="multiline" data-testid="widespread">
          <MessageBarBody>{t(`check.widespread.${widespread.code}`, { rows: widespread.rows })}</MessageBarBody>
        </MessageBar>
      ) : null}

      {fileMode && !state.file ? <Text size={200}>{t("check.fileHint")}</Text> : null}
      {missing.length ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("check.olderExcel", { missing: missing.join("；") })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {phase.step === "reading" || phase.step === "record" || phase.step === "submitting" || phase.step === "fixing" ? (
        <Field
          validationState="none"
          validationMessage={
            phase.step === "reading"
              ? phase.progress && phase.progress.totalRows > 0 && excel
                ? t("check.reading", { read: phase.progress.rowsRead, total: phase.progress.totalRows })
                : t("check.uploading")
              : phase.step === "record"
                ? t("check.recordPending")
                : phase.step === "submitting"
                  ? t("submit.working")
                  : t("check.running")
          }
        >
          <ProgressBar
            value={phase.step === "reading" && phase.progress?.totalRows ? phase.progress.rowsRead / phase.progress.totalRows : undefined}
          />
        </Field>
      ) : null}
      {state.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.recordError ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t("check.recordFailed", { message: state.recordError })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.submitError ? (
        <MessageBar intent="error" data-testid="submit-error">
          <MessageBarBody>{state.submitError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.receipt ? <Receipt receipt={state.receipt} /> : null}

      {result ? (
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
          {result.headerRow && (result.columns.length || state.columns) ? (
            <ColumnMapping
              key={`${state.sheetName}|${JSON.stringify(state.columns)}|${result.headerRow}`}
              grid={state.grid}
              headerRow={result.headerRow}
              mapped={result.columns}
              saved={state.columns}
              open={result.issues.some((i) => i.code === "sheet.missing-column")}
              busy={busy || phase.step === "record"}
              locale={locale}
              onApply={(columns) => void store.remap(columns)}
            />
          ) : null}
          {result.issues.length === 0 ? <Text>{t("check.clean")}</Text> : null}
        </div>
      ) : (
        <Text>{fileMode ? t("check.emptyFile") : t("check.empty")}</Text>
      )}

      {result?.issues.length ? (
        <IssueList
          issues={result.issues}
          canSelect={!!host?.capabilities.editsWorkbook}
          onSelect={(issue) => issue.row !== null && issue.column && store.select(issue.row, issue.column)}
        />
      ) : null}

      {fixing ? (
        <FixDialog
          safe={preview.safe}
          fromRecord={preview.fromRecord}
          formulaCells={preview.formulaCells}
          {...(excel ? {} : { note: t("fix.fileNote"), applyLabel: t("fix.applyFile") })}
          onClose={() => setFixing(false)}
          onApply={(chosen) => {
            setFixing(false);
            void store.applyFixes(chosen);
          }}
        />
      ) : null}
      {confirming && result?.kind ? (
        <Dialog open onOpenChange={(_, d) => !d.open && setConfirming(false)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t("submit.title")}</DialogTitle>
              <DialogContent>
                <Text block>
                  {t("submit.confirm", {
                    sheet: state.file?.name ?? state.sheetName,
                    rows: result.dataRows,
                    term: state.term,
                    kind: t(`kinds.${result.kind}`),
                  })}
                </Text>
                {errors ? <Text block>{t("submit.hasErrors", { errors })}</Text> : null}
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setConfirming(false)}>{t("common.cancel")}</Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirming(false);
                    void store.submit();
                  }}
                >
                  {t("submit.go")}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </section>
  );
}
