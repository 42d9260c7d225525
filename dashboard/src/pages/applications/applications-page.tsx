import { makeStyles, tokens } from "@fluentui/react-components";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { SortingState } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { applicationsQuery } from "../../api/applications";
import { useReference } from "../../api/reference";
import { PageHeader } from "../../components/page-header";
import { Empty, ErrorBar, Loading } from "../../components/page-state";
import { VirtualTable } from "../../components/virtual-table";
import { useLocale } from "../../i18n/use-locale";
import type { ApplicationsSearch } from "../../routes/applications";
import { RequirePermission } from "../../shell/require-permission";
import { ApplicationFilters } from "./application-filters";
import { applicationColumns, COLUMN_IDS, DEFAULT_COLUMNS } from "./columns";

const routeApi = getRouteApi("/app/applications");

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export function ApplicationsPage() {
  return (
    <RequirePermission permission="applications.read">
      <Applications />
    </RequirePermission>
  );
}

function Applications() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/applications" });
  const reference = useReference().data;
  const setSearch = (next: Partial<ApplicationsSearch>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });

  const filters = {
    type: search.type as never,
    stage: search.stage,
    state: search.state,
    collegeId: search.collegeId,
    overdue: search.overdue,
    sort: search.sort ?? "filed",
    direction: search.dir ?? "desc",
  };
  const list = useInfiniteQuery(applicationsQuery(filters));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const columns = useMemo(() => applicationColumns(t, locale, reference, reference?.today ?? ""), [t, locale, reference]);
  const shown = search.cols?.length ? search.cols : DEFAULT_COLUMNS;
  const visibility = Object.fromEntries(COLUMN_IDS.map((id) => [id, shown.includes(id)]));
  const sorting: SortingState = [{ id: filters.sort, desc: filters.direction === "desc" }];

  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.applications")} />
      <ApplicationFilters search={search} onChange={setSearch} />
      {list.error ? <ErrorBar error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty title={t("applications.none")} />
      ) : (
        <VirtualTable
          label={t("nav.applications")}
          data={rows}
          columns={columns}
          getRowId={(r) => String(r.id)}
          columnVisibility={visibility}
          sorting={sorting}
          manualSorting
          onSortingChange={(updater) => {
            const next = typeof updater === "function" ? updater(sorting) : updater;
            const first = next[0];
            if (first && (first.id === "filed" || first.id === "due")) setSearch({ sort: first.id, dir: first.desc ? "desc" : "asc" });
          }}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      )}
    </div>
  );
}
