import { Text } from "@fluentui/react-components";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Empty, QueryState } from "../../components/page-state";
import { VirtualTable } from "../../components/virtual-table";

/**
 * A page-by-page list of audit events, as the search results and the 完整列表 both show it: the table loading
 * the next page as the reader scrolls, how many are shown and whether more follow, and the page's states.
 */
export function AuditEventList<E extends { id: number }>({
  list,
  columns,
  label,
  height,
  note,
  onOpen,
}: {
  list: UseInfiniteQueryResult<InfiniteData<{ items: E[] }>>;
  columns: ColumnDef<E, unknown>[];
  label: string;
  /** The table's height: what the page above it leaves of the window. */
  height: string;
  /** A line above the table, saying what this list is. */
  note?: ReactNode;
  onOpen: (event: E) => void;
}) {
  const { t } = useTranslation();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  return (
    <QueryState query={list} isEmpty={() => rows.length === 0} empty={<Empty title={t("auditLogPage.none")} />}>
      {() => (
        <>
          {note}
          <VirtualTable
            label={label}
            data={rows}
            columns={columns}
            getRowId={(e) => String(e.id)}
            height={height}
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
      )}
    </QueryState>
  );
}
