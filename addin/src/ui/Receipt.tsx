import { Card, CardHeader, Text } from "@fluentui/react-components";
import { receiptCode } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import type { Receipt as ReceiptData } from "./check-store";

/** The receipt stays on the pane after submitting: what the registrar now has. */
export function Receipt({ receipt }: { receipt: ReceiptData }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="receipt" role="status" aria-live="polite">
      <CardHeader header={<Text weight="semibold">{t("submit.receipt", { version: receipt.version })}</Text>} />
      {receipt.duplicate ? <Text>{t("submit.duplicate")}</Text> : null}
      <Text>
        {t("submit.accepted", { rows: receipt.rowsAccepted })} · {t("submit.withErrors", { rows: receipt.rowsWithErrors })}
      </Text>
      <Text>{t("submit.state", { state: t(`history.states.${receipt.state}`, { defaultValue: receipt.state }) })}</Text>
      {/* Read out on the phone as eight characters; the registrar's panel shows the same code on this sheet. */}
      <Text size={200} data-testid="receipt-id" data-submission-id={receipt.submissionId} title={receipt.submissionId}>
        {t("submit.id")}: {receiptCode(receipt.submissionId)}
      </Text>
    </Card>
  );
}
