import { Text } from "@fluentui/react-components";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type AuditListEvent, auditFullListQuery } from "../../api/audit-log";
import { Empty, ErrorBar, Loading } from "../../components/page-state";
import { VirtualTable } from "../../components/virtual-table";
import { useLocale } from "../../i18n/use-locale";
import { eventColumns } from "./audit-columns";

/** 完整列表: the whole log page by page (auditLog.list), each event with its hash and its link to the one before. */
export function AuditFullList({ onOpen }: { onOpen: (event: AuditListEvent) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useInfiniteQuery(auditFullListQuery());
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const columns = useMemo<ColumnDef<AuditListEvent, unknown>[]>(
    () => [
      ...eventColumns<AuditListEvent>(t, locale),
      { id: "hash", header: t("auditLogPage.hash"), accessorFn: (e) => e.hash.slice(0, 12), size: 120 },
      { id: "prevHash", header: t("auditLogPage.prevHash"), accessorFn: (e) => e.prevHash.slice(0, 12), size: 120 },
    ],
    [t, locale],
  );
  if (list.error) return <ErrorBar error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Loading />;
  if (rows.length === 0) return <Empty title={t("auditLogPage.none")} />;
  return (
    <>
      <Text size={200}>{t("auditLogPage.fullListNote")}</Text>
      <VirtualTable
        label={t("auditLogPage.fullList")}
        data={rows}
        columns={columns}
        getRowId={(e) => String(e.id)}
        height="calc(100vh - 380px)"
        onRowOpen={onOpen}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
      <Text size={200}>
        {t("auditLogPage.shown", { count: rows.length })}
        {list.hasNextPage ? ` · ${t("auditLogPage.more")}` : ""}
      </Text>
    </>
  );
}
