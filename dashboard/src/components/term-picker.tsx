import { Dropdown, Field, Option } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useReference } from "../api/reference";

/** The term filter, newest first (2025-2026-1 …). */
export function TermPicker({
  value,
  onChange,
  allowAll = false,
}: {
  value: string | undefined;
  onChange: (termCode: string | undefined) => void;
  /** Offer "all terms" (the value is then undefined). */
  allowAll?: boolean;
}) {
  const { t } = useTranslation();
  const reference = useReference();
  const terms = [...(reference.data?.terms ?? [])].reverse();
  return (
    <Field label={t("common.term")}>
      <Dropdown
        value={value ?? (allowAll ? t("common.all") : "")}
        selectedOptions={value ? [value] : allowAll ? [""] : []}
        onOptionSelect={(_, d) => {
          // "全部" is the empty option: the filter is then unset (every term).
          if (d.optionValue) onChange(d.optionValue);
          else if (allowAll) onChange(undefined);
        }}
      >
        {allowAll ? <Option value="">{t("common.all")}</Option> : null}
        {terms.map((term) => (
          <Option key={term.code} value={term.code}>
            {term.code}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
