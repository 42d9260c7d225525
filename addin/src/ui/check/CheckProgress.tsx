import { Field, ProgressBar } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Phase } from "../check-state";

/** What the running step is doing, with a bar that fills while a workbook's rows are read. */
export function CheckProgress({ phase, readsWorkbook }: { phase: Phase; readsWorkbook: boolean }) {
  const { t } = useTranslation();
  let message: string;
  let value: number | undefined;
  switch (phase.step) {
    case "reading":
      // In file mode the file is uploading and the server reads it: no rows to count here.
      message =
        phase.progress && phase.progress.totalRows > 0 && readsWorkbook
          ? t("check.reading", { read: phase.progress.rowsRead, total: phase.progress.totalRows })
          : t("check.uploading");
      value = phase.progress?.totalRows ? phase.progress.rowsRead / phase.progress.totalRows : undefined;
      break;
    case "record":
      message = t("check.recordPending");
      break;
    case "submitting":
      message = t("submit.working");
      break;
    case "fixing":
      message = t("check.running");
      break;
    default:
      return null;
  }
  return (
    <Field validationState="none" validationMessage={message}>
      <ProgressBar value={value} />
    </Field>
  );
}
