import { useTranslation } from "react-i18next";
import { useReference } from "../api/reference";
import { Picker } from "./picker";

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
    <Picker
      label={t("common.term")}
      // Unset with "all" on offer reads 全部, never an empty box.
      text={value ?? (allowAll ? t("common.all") : "")}
      selected={[value ?? ""]}
      options={[
        ...(allowAll ? [{ value: "", label: t("common.all") }] : []),
        ...terms.map((term) => ({ value: term.code, label: term.code })),
      ]}
      onSelect={(code) => (code ? onChange(code) : allowAll && onChange(undefined))}
    />
  );
}
