import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { widespreadRecordIssue } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import { type CheckResult, count, submitAllowed } from "../../check/check-result";
import type { HostCapabilities, SheetHost } from "../../host/sheet-host";

type Missing = "rangeAreas" | "notes" | "comments" | "dropdowns";

/** What this Excel cannot do, for the pane to say plainly (the requirement sets of README, “Which Excel”). */
function olderExcel(capabilities: HostCapabilities): Missing[] {
  const missing: Missing[] = [];
  if (!capabilities.rangeAreas) missing.push("rangeAreas");
  // Notes need ExcelApi 1.18; from 1.10 the messages go on the cells as comments instead.
  if (!capabilities.notes) missing.push(capabilities.comments ? "comments" : "notes");
  if (!capabilities.dropdowns) missing.push("dropdowns");
  return missing;
}

/** The kinds that must be error-free (shared's rule, the template in force): said before 提交, which waits. */
export function submitBlocked(result: CheckResult | null): boolean {
  return !!result?.kind && !submitAllowed(result);
}

/** Why 提交 waits, a record check that fails on most rows (the wrong term or college?), and what an older Excel lacks. */
export function SheetWarnings({ result, host }: { result: CheckResult | null; host: SheetHost | null }) {
  const { t } = useTranslation();
  const errors = result ? count(result.issues).errors : 0;
  const widespread = result?.withRecord ? widespreadRecordIssue(result.issues, result.dataRows) : null;
  // Only an older Excel lacks something: WPS 表格 has comments as its only kind of cell message.
  const missing = host?.mode === "excel" ? olderExcel(host.capabilities).map((c) => t(`check.missing.${c}`)) : [];
  return (
    <>
      {submitBlocked(result) && result?.kind ? (
        <MessageBar intent="warning" layout="multiline" data-testid="submit-blocked">
          <MessageBarBody id="submit-blocked">{t("submit.blocked", { kind: t(`kinds.${result.kind}`), errors })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {widespread ? (
        <MessageBar intent="warning" layout="multiline" data-testid="widespread">
          <MessageBarBody>{t(`check.widespread.${widespread.code}`, { rows: widespread.rows })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {missing.length ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("check.olderExcel", { missing: missing.join("；") })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
