import { Button, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { auditActionName, auditEntityName } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { facetsQuery } from "../../api/audit-log";
import { useLocale } from "../../i18n/use-locale";
import type { AuditLogSearch } from "./search";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
  filter: { minWidth: "10rem" },
});

/** The search's filters, kept in the URL: actor, action, kind, the object's number, China-time days. */
export function AuditFilters({
  search,
  onChange,
  onClear,
}: {
  search: AuditLogSearch;
  onChange: (next: Partial<AuditLogSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const facets = useQuery(facetsQuery());
  const [entityId, setEntityId] = useState(search.entityId ?? "");
  return (
    <search className={styles.filters} aria-label={t("auditLogPage.filters")}>
      <Field label={t("auditLogPage.actor")} className={styles.filter}>
        <Dropdown
          value={facets.data?.actors.find((a) => a.id === search.userId)?.displayName ?? t("auditLogPage.any")}
          selectedOptions={[String(search.userId ?? "")]}
          onOptionSelect={(_, d) => onChange({ userId: d.optionValue ? Number(d.optionValue) : undefined })}
        >
          <Option value="">{t("auditLogPage.any")}</Option>
          {(facets.data?.actors ?? []).map((a) => (
            <Option key={a.id} value={String(a.id)} text={a.displayName}>
              {`${a.displayName}（${a.username}）`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("auditLogPage.action")} className={styles.filter}>
        <Dropdown
          value={search.action ? auditActionName(search.action, locale) : t("auditLogPage.any")}
          selectedOptions={[search.action ?? ""]}
          onOptionSelect={(_, d) => onChange({ action: d.optionValue || undefined })}
        >
          <Option value="">{t("auditLogPage.any")}</Option>
          {(facets.data?.actions ?? []).map((a) => (
            <Option key={a} value={a} text={auditActionName(a, locale)}>
              {auditActionName(a, locale)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("auditLogPage.entity")} className={styles.filter}>
        <Dropdown
          value={search.entity ? auditEntityName(search.entity, locale) : t("auditLogPage.any")}
          selectedOptions={[search.entity ?? ""]}
          onOptionSelect={(_, d) => onChange({ entity: d.optionValue || undefined })}
        >
          <Option value="">{t("auditLogPage.any")}</Option>
          {(facets.data?.entities ?? []).map((e) => (
            <Option key={e} value={e} text={auditEntityName(e, locale)}>
              {auditEntityName(e, locale)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("auditLogPage.entityId")}>
        {/* An example, not the label: a hint under the field would push it out of line with the row's others. */}
        <Input
          placeholder={t("auditLogPage.entityIdHint")}
          value={entityId}
          onChange={(_, d) => setEntityId(d.value)}
          onBlur={() => onChange({ entityId: entityId.trim() || undefined })}
          onKeyDown={(e) => e.key === "Enter" && onChange({ entityId: entityId.trim() || undefined })}
        />
      </Field>
      <Field label={t("auditLogPage.fromDate")}>
        <Input type="date" value={search.from ?? ""} onChange={(_, d) => onChange({ from: d.value || undefined })} />
      </Field>
      <Field label={t("auditLogPage.toDate")}>
        <Input type="date" value={search.to ?? ""} onChange={(_, d) => onChange({ to: d.value || undefined })} />
      </Field>
      <Button
        appearance="subtle"
        onClick={() => {
          setEntityId("");
          onClear();
        }}
      >
        {t("auditLogPage.clear")}
      </Button>
    </search>
  );
}
