import { Field, Input } from "@fluentui/react-components";
import { isReceiptCode } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * 回执编号: the receipt a secretary reads out on the phone, typed here to find her sheet among the colleges'. Applied on
 * Enter or on leaving the field; anything but a whole receipt says so at the field and filters nothing.
 */
export function ReceiptFilter({ value, onChange }: { value: string | undefined; onChange: (receipt: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? "");
  const typed = text.trim();
  const wrong = typed !== "" && !isReceiptCode(typed);
  const apply = () => {
    if (!wrong) onChange(typed ? typed.toUpperCase() : undefined);
  };
  return (
    <Field label={t("sheets.receiptFilter")} validationMessage={wrong ? t("sheets.receiptWrong") : undefined}>
      <Input
        value={text}
        maxLength={8}
        onChange={(_, d) => setText(d.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === "Enter" && apply()}
        data-testid="receipt-filter"
      />
    </Field>
  );
}
