import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Phase } from "../check-state";
import { Receipt } from "../Receipt";

/** How the last step ended, when it has something to say: a failure, the record's absence, the receipt. */
export function CheckOutcome({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  switch (phase.step) {
    case "failed":
      return (
        <MessageBar intent="error">
          <MessageBarBody>{phase.message}</MessageBarBody>
        </MessageBar>
      );
    case "record-failed":
      return (
        <MessageBar intent="warning">
          <MessageBarBody>{t("check.recordFailed", { message: phase.message })}</MessageBarBody>
        </MessageBar>
      );
    case "submit-failed":
      return (
        <MessageBar intent="error" data-testid="submit-error">
          <MessageBarBody>{phase.message}</MessageBarBody>
        </MessageBar>
      );
    case "submitted":
      return <Receipt receipt={phase.receipt} />;
    default:
      return null;
  }
}
