import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, ArrowDownloadRegular, CheckmarkCircleRegular, DocumentTableRegular } from "@fluentui/react-icons";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { RowSelectionState, SortingState } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { applicationGroupCountsQuery, applicationsQuery, currentVersions } from "../../api/applications";
import { downloadApplications } from "../../api/insights";
import { invalidate } from "../../api/query";
import { useReference } from "../../api/reference";
import { PageHeader } from "../../components/page-header";
import { Empty, ErrorBar, QueryState } from "../../components/page-state";
import { VirtualTable } from "../../components/virtual-table";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { useMay } from "../../shell/use-me";
import { ApplicationFilters } from "./application-filters";
import { BulkDecideDialog, type BulkTarget } from "./bulk-decide-dialog";
import { ColumnChooser } from "./column-chooser";
import { applicationColumns, COLUMN_IDS, type ColumnId, DEFAULT_COLUMNS } from "./columns";
import { DecisionListDialog } from "./decision-list-dialog";
import { FileApplicationDialog } from "./file-application-dialog";
import { applicationGroupHeader, GroupBySelect, orderByGroup } from "./grouping";
import { SavedViewsBar } from "./saved-views-bar";
import type { ApplicationsSearch } from "./search";
import type { UrgeSaid } from "./urge-button";

/** At 1024 px the list is wider than the window: who the row is about and what is due stay in view. */
const PINNED = { left: ["id", "studentNo", "name"], right: ["due"] };

const routeApi = getRouteApi("/app/applications");

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
});

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
  const queryClient = useQueryClient();
  const reference = useReference().data;
  const mayDecide = useMay("applications.decide");
  const mayFile = useMay("applications.file");
  // 公示 and 发文 lists are the registrar's reporting (exports.read).
  const mayList = useMay("exports.read");
  const selecting = mayDecide || mayList;
  // 催办 from the list: the registrar works down the overdue ones without opening each.
  const mayUrge = useMay("applications.urge");
  const [urged, setUrged] = useState<UrgeSaid | null>(null);
  const [listIds, setListIds] = useState<number[] | null>(null);
  const [selection, setSelection] = useState<RowSelectionState>({});
  // The rows as they were when the dialog opened: the list may refresh under it.
  const [bulkTargets, setBulkTargets] = useState<BulkTarget[] | null>(null);
  const [fileOpen, setFileOpen] = useState(false);
  const [filed, setFiled] = useState<number | null>(null);
  // A change of filters leaves the saved view (the URL no longer is that view).
  const setSearch = (next: Partial<ApplicationsSearch>) => {
    setSelection({});
    navigate({ search: (prev) => ({ ...prev, ...next, view: "view" in next ? next.view : undefined }), replace: true });
  };

  const filters = {
    type: search.type,
    stage: search.stage,
    state: search.state,
    collegeId: search.collegeId,
    overdue: search.overdue,
    sort: search.sort ?? ("filed" as const),
    direction: search.dir ?? ("desc" as const),
  };
  const list = useInfiniteQuery(applicationsQuery(filters));
  const group = search.group;
  // Grouping is over the pages loaded so far (the list stays one cursor-paged list, sorted as chosen); the
  // server counts every group of the whole filtered list, so the headers and the footer say how much is loaded.
  const groupCounts = useQuery({
    ...applicationGroupCountsQuery({
      type: filters.type,
      stage: filters.stage,
      state: filters.state,
      collegeId: filters.collegeId,
      overdue: filters.overdue,
      by: group ?? "type",
    }),
    enabled: !!group,
  });
  const loadedRows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const rows = useMemo(
    () => (group ? orderByGroup(loadedRows, group, reference, locale) : loadedRows),
    [loadedRows, group, reference, locale],
  );
  const groupHeader = useMemo(
    () => (group ? applicationGroupHeader(group, groupCounts.data, t, locale, reference) : undefined),
    [group, groupCounts.data, t, locale, reference],
  );
  const columns = useMemo(
    () => applicationColumns(t, locale, reference, reference?.today ?? "", mayUrge ? setUrged : undefined),
    [t, locale, reference, mayUrge],
  );
  const shown = (
    search.cols?.length ? search.cols.filter((c): c is ColumnId => (COLUMN_IDS as readonly string[]).includes(c)) : DEFAULT_COLUMNS
  ) as ColumnId[];
  const visibility = Object.fromEntries(COLUMN_IDS.map((id) => [id, shown.includes(id)]));
  const sorting: SortingState = [{ id: filters.sort, desc: filters.direction === "desc" }];
  const selected = rows.filter((r) => selection[String(r.id)]);
  const exporting = useMutation({ mutationFn: () => downloadApplications({ ...filters, columns: shown }) });

  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.applications")}>
        <div className={styles.toolbar}>
          <SavedViewsBar search={search} onOpen={(next) => navigate({ search: next, replace: false })} />
          <ColumnChooser shown={shown} onChange={(cols) => setSearch({ cols, view: search.view })} />
          <Button icon={<ArrowDownloadRegular />} onClick={() => exporting.mutate()} disabled={exporting.isPending}>
            {t("common.export")}
          </Button>
          {mayFile ? (
            <Button icon={<AddRegular />} onClick={() => setFileOpen(true)}>
              {t("file.open")}
            </Button>
          ) : null}
          {mayDecide ? (
            <Button
              appearance="primary"
              icon={<CheckmarkCircleRegular />}
              disabled={selected.length === 0}
              onClick={() =>
                setBulkTargets(selected.map((r) => ({ id: r.id, type: r.type, name: r.name, studentNo: r.studentNo, version: r.version })))
              }
            >
              {t("bulk.open", { count: selected.length })}
            </Button>
          ) : null}
          {mayList ? (
            <Button icon={<DocumentTableRegular />} disabled={selected.length === 0} onClick={() => setListIds(selected.map((r) => r.id))}>
              {t("journey.decisionList.open", { count: selected.length })}
            </Button>
          ) : null}
        </div>
      </PageHeader>
      <div className={styles.toolbar}>
        <ApplicationFilters search={search} onChange={setSearch} />
        {/* Regrouping keeps the selection and the view (like choosing columns): it changes how, not what, is listed. */}
        <GroupBySelect value={group} onChange={(next) => navigate({ search: (prev) => ({ ...prev, group: next }), replace: true })} />
      </div>
      {exporting.error ? <ErrorBar error={exporting.error} /> : null}
      {filed ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("file.filed", { id: filed })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {urged ? (
        <MessageBar intent={urged.intent} data-intent={urged.intent} data-testid="urge-result">
          <MessageBarBody role="status">{urged.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <QueryState query={list} isEmpty={() => rows.length === 0} empty={<Empty title={t("applications.none")} />}>
        {() => (
          <VirtualTable
            label={t("nav.applications")}
            data={rows}
            columns={columns}
            getRowId={(r) => String(r.id)}
            columnVisibility={visibility}
            pinned={PINNED}
            sorting={sorting}
            manualSorting
            onSortingChange={(updater) => {
              const next = typeof updater === "function" ? updater(sorting) : updater;
              const first = next[0];
              if (first && (first.id === "filed" || first.id === "due")) setSearch({ sort: first.id, dir: first.desc ? "desc" : "asc" });
            }}
            rowSelection={selecting ? selection : undefined}
            onRowSelectionChange={selecting ? setSelection : undefined}
            onRowOpen={(row) => navigate({ to: "/applications/$id", params: { id: String(row.id) } })}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
            groupBy={group}
            groupHeader={groupHeader}
            total={group ? groupCounts.data?.total : undefined}
          />
        )}
      </QueryState>
      <BulkDecideDialog
        open={bulkTargets !== null}
        targets={bulkTargets ?? []}
        currentVersions={currentVersions}
        onClose={() => {
          setBulkTargets(null);
          setSelection({});
        }}
        onDecided={() => void invalidate(queryClient, "applications", "insights")}
      />
      <DecisionListDialog ids={listIds} year={(reference?.today ?? "").slice(0, 4)} onClose={() => setListIds(null)} />
      <FileApplicationDialog
        open={fileOpen}
        onClose={() => setFileOpen(false)}
        onFiled={(id) => {
          setFileOpen(false);
          setFiled(id);
          void invalidate(queryClient, "applications", "insights");
        }}
      />
    </div>
  );
}
