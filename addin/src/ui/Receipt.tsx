import { Card, CardHeader, Text } from "@fluentui/react-components";
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
      <Text size={200} data-testid="receipt-id">
        {t("submit.id")}: {receipt.submissionId}
      </Text>
    </Card>
  );
}
