import { ownCollegeOf } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import { useReference } from "../api/reference";
import { useMe } from "../shell/use-me";
import { Picker } from "./picker";

/**
 * The college filter. College roles see their own college only (the server refuses any other), so for
 * them the picker shows it, fixed.
 */
export function CollegePicker({ value, onChange }: { value: number | undefined; onChange: (collegeId: number | undefined) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const reference = useReference();
  const colleges = reference.data?.colleges ?? [];
  const own = ownCollegeOf(me);
  const fixed = own !== null;
  const selected = fixed ? own : value;
  const text = selected === undefined || selected === null ? t("common.all") : (colleges.find((c) => c.id === selected)?.name ?? "");
  return (
    <Picker
      label={t("common.college")}
      text={text}
      selected={[String(selected ?? "")]}
      disabled={fixed}
      options={[{ value: "", label: t("common.all") }, ...colleges.map((c) => ({ value: String(c.id), label: c.name }))]}
      onSelect={(option) => onChange(option ? Number(option) : undefined)}
    />
  );
}
