import { MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { count } from "../check/check-result";
import { useApp } from "./app-context";
import { CheckActions } from "./check/CheckActions";
import { CheckOutcome } from "./check/CheckOutcome";
import { CheckProgress } from "./check/CheckProgress";
import { CheckSummary } from "./check/CheckSummary";
import { FileChooser } from "./check/FileChooser";
import { FixPreview, useFixPreview } from "./check/FixPreview";
import { SheetChoices } from "./check/SheetChoices";
import { SheetWarnings, submitBlocked } from "./check/SheetWarnings";
import { SubmitDialog } from "./check/SubmitDialog";
import { isBusy } from "./check-state";
import { useCheck } from "./check-store";
import { IssueList } from "./IssueList";

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
});

/** 检查: choose the term (and in file mode the file), check, fix, submit; the problems listed below. */
export function CheckPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { today, excel, locale } = useApp();
  const store = useCheck();
  const { state } = store;
  const { host, phase, sheet } = state;
  const result = sheet?.result ?? null;
  const fixes = useFixPreview(host, store.planFixes);
  const [confirming, setConfirming] = useState(false);
  const fileMode = !excel;
  const busy = isBusy(phase) || fixes.preparing;
  const blocked = submitBlocked(result);

  return (
    <section className={styles.page} aria-label={t("nav.check")}>
      <SheetChoices today={today} term={state.term} kind={state.kind} onTerm={store.setTerm} onKind={store.setKind} />
      {fileMode ? <FileChooser file={state.file} onOpen={store.openFile} /> : null}
      <CheckActions
        canCheck={!!host}
        checked={!!result}
        busy={busy}
        reading={phase.step === "reading"}
        marksWorkbook={!!host?.capabilities.editsWorkbook}
        fixedFile={state.fixedFile}
        canSubmit={!!result?.kind && !blocked && !busy && phase.step !== "record"}
        submitBlockedBy={blocked ? "submit-blocked" : undefined}
        onCheck={() => void store.runCheck()}
        onFix={() => void fixes.open()}
        onClear={() => void store.clearMarks()}
        onDownload={() => void store.download()}
        onDownloadFixed={store.downloadFixed}
        onSubmit={() => setConfirming(true)}
      />
      {fileMode && !state.file ? <Text size={200}>{t("check.fileHint")}</Text> : null}
      <SheetWarnings result={result} host={excel} />
      <CheckProgress phase={phase} readsWorkbook={!fileMode} />
      <CheckOutcome phase={phase} />
      {state.notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      ) : null}

      {sheet ? (
        <CheckSummary
          sheet={sheet}
          busy={busy || phase.step === "record"}
          locale={locale}
          onRemap={(columns) => void store.remap(columns)}
        />
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

      {fixes.preview ? (
        <FixPreview
          preview={fixes.preview}
          host={host}
          onClose={fixes.close}
          onApply={(chosen) => {
            fixes.close();
            void store.applyFixes(chosen);
          }}
        />
      ) : null}
      {confirming && result?.kind ? (
        <SubmitDialog
          sheet={state.file?.name ?? sheet?.sheetName ?? ""}
          rows={result.dataRows}
          term={state.term}
          kind={result.kind}
          errors={count(result.issues).errors}
          onCancel={() => setConfirming(false)}
          onSubmit={() => {
            setConfirming(false);
            void store.submit();
          }}
        />
      ) : null}
    </section>
  );
}
