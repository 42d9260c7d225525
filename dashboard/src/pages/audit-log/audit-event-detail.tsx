import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { auditActionName, auditEntityIdLabel, auditEntityName, describeAuditChange } from "@xueji/shared";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { LabelValueTable } from "../../components/label-value-table";
import { Section } from "../../components/section";
import { useLocale } from "../../i18n/use-locale";

const useStyles = makeStyles({
  muted: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-all",
  },
  changed: { fontWeight: tokens.fontWeightSemibold },
});

export interface EventForDetail {
  id: number;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  hash: string;
  requestId: string | null;
}

/**
 * One event opened: its before and after as a table of named fields (学籍状态 在读 → 休学), the names and
 * the code values coming from shared, never the stored JSON.
 */
export function AuditEventDetail({ event }: { event: EventForDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const rows = describeAuditChange(event.before, event.after, locale);
  // Opened below a long list: brought into view, so the click visibly does something (keyed by event: once per event).
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => anchor.current?.scrollIntoView?.({ block: "nearest" }), []);
  return (
    <div ref={anchor}>
      <Section
        title={t("auditLogPage.detail", { id: event.id })}
        note={`${auditActionName(event.action, locale)} · ${auditEntityName(event.entity, locale)} ${auditEntityIdLabel(event.entity, event.entityId, locale)}`}
      >
        {rows.length === 0 ? (
          <Text>{t("auditLogPage.noChange")}</Text>
        ) : (
          <LabelValueTable
            label={t("auditLogPage.detail", { id: event.id })}
            rows={rows}
            rowKey={(row, i) => `${row.field}-${i}`}
            columns={[
              { id: "field", label: t("auditLogPage.field"), value: (row) => row.field },
              { id: "before", label: t("auditLogPage.before"), value: (row) => row.before },
              {
                id: "after",
                label: t("auditLogPage.after"),
                value: (row) => <span className={row.before !== row.after ? styles.changed : undefined}>{row.after}</span>,
              },
            ]}
          />
        )}
        <Text className={styles.muted}>
          {t("auditLogPage.hash")}：{event.hash} · {t("auditLogPage.requestId")}：{event.requestId ?? "—"}
        </Text>
      </Section>
    </div>
  );
}
