import { Dropdown, Field, makeStyles, Option, Switch, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { stageName, useReference } from "../../api/reference";
import { CollegePicker } from "../../components/college-picker";
import { useLocale } from "../../i18n/use-locale";
import type { ApplicationsSearch } from "./search";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
  narrow: { minWidth: "140px" },
});

const STATES = ["open", "done", "rejected"] as const;

/** Type, stage (of that type's workflow), state, college, overdue only. */
export function ApplicationFilters({
  search,
  onChange,
}: {
  search: ApplicationsSearch;
  onChange: (next: Partial<ApplicationsSearch>) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const reference = useReference().data;
  const workflows = reference?.workflows ?? [];
  const workflow = workflows.find((w) => w.type === search.type);
  const stages = workflow ? workflow.stages : [...new Set(workflows.flatMap((w) => w.stages))];
  return (
    <div className={styles.bar}>
      <Field label={t("applications.col.type")}>
        <Dropdown
          className={styles.narrow}
          value={workflow ? workflow.name[locale] : t("common.all")}
          selectedOptions={[search.type ?? ""]}
          onOptionSelect={(_, d) => onChange({ type: workflows.find((w) => w.type === d.optionValue)?.type, stage: undefined })}
        >
          <Option value="">{t("common.all")}</Option>
          {workflows.map((w) => (
            <Option key={w.type} value={w.type}>
              {w.name[locale]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("applications.col.stage")}>
        <Dropdown
          className={styles.narrow}
          value={
            search.stage
              ? stageName(workflow ?? workflows.find((w) => w.stages.includes(search.stage ?? "")), search.stage, locale)
              : t("common.all")
          }
          selectedOptions={[search.stage ?? ""]}
          onOptionSelect={(_, d) => onChange({ stage: d.optionValue || undefined })}
        >
          <Option value="">{t("common.all")}</Option>
          {stages.map((s) => (
            <Option key={s} value={s}>
              {stageName(workflow ?? workflows.find((w) => w.stages.includes(s)), s, locale)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("applications.col.state")}>
        <Dropdown
          className={styles.narrow}
          value={search.state ? t(`applications.state.${search.state}`) : t("common.all")}
          selectedOptions={[search.state ?? ""]}
          onOptionSelect={(_, d) => onChange({ state: (d.optionValue || undefined) as ApplicationsSearch["state"] })}
        >
          <Option value="">{t("common.all")}</Option>
          {STATES.map((s) => (
            <Option key={s} value={s}>
              {t(`applications.state.${s}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <CollegePicker value={search.collegeId} onChange={(collegeId) => onChange({ collegeId })} />
      <Switch
        label={t("applications.overdueOnly")}
        checked={!!search.overdue}
        onChange={(_, d) => onChange({ overdue: d.checked || undefined })}
      />
    </div>
  );
}
