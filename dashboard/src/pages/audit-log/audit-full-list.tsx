import { Text } from "@fluentui/react-components";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type AuditListEvent, auditFullListQuery } from "../../api/audit-log";
import { useLocale } from "../../i18n/use-locale";
import { eventColumns } from "./audit-columns";
import { AuditEventList } from "./audit-event-list";

/** 完整列表: the whole log page by page (auditLog.list), each event with its hash and its link to the one before. */
export function AuditFullList({ onOpen }: { onOpen: (event: AuditListEvent) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useInfiniteQuery(auditFullListQuery());
  const columns = useMemo<ColumnDef<AuditListEvent, unknown>[]>(
    () => [
      ...eventColumns<AuditListEvent>(t, locale),
      { id: "hash", header: t("auditLogPage.hash"), accessorFn: (e) => e.hash.slice(0, 12), size: 120 },
      { id: "prevHash", header: t("auditLogPage.prevHash"), accessorFn: (e) => e.prevHash.slice(0, 12), size: 120 },
    ],
    [t, locale],
  );
  return (
    <AuditEventList
      list={list}
      columns={columns}
      label={t("auditLogPage.fullList")}
      height="calc(100vh - 380px)"
      note={<Text size={200}>{t("auditLogPage.fullListNote")}</Text>}
      onOpen={onOpen}
    />
  );
}
