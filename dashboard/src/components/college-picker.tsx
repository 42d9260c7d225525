import { Dropdown, Field, Option } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useReference } from "../api/reference";
import { useMe } from "../shell/use-me";

/**
 * The college filter. College roles see their own college only (the server refuses any other), so for
 * them the picker shows it, fixed.
 */
export function CollegePicker({ value, onChange }: { value: number | undefined; onChange: (collegeId: number | undefined) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const reference = useReference();
  const colleges = reference.data?.colleges ?? [];
  const fixed = me.collegeId != null && (me.role === "secretary" || me.role === "college-leader");
  const selected = fixed ? me.collegeId : value;
  const label = selected === undefined || selected === null ? t("common.all") : (colleges.find((c) => c.id === selected)?.name ?? "");
  return (
    <Field label={t("common.college")}>
      <Dropdown
        value={label}
        selectedOptions={[String(selected ?? "")]}
        disabled={fixed}
        onOptionSelect={(_, data) => onChange(data.optionValue ? Number(data.optionValue) : undefined)}
      >
        <Option value="">{t("common.all")}</Option>
        {colleges.map((c) => (
          <Option key={c.id} value={String(c.id)}>
            {c.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
