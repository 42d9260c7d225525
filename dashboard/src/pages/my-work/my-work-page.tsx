import { makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { myWorkQuery, type WorkItem } from "../../api/insights";
import { labelsOf, useReference } from "../../api/reference";
import { PageHeader } from "../../components/page-header";
import { Empty, QueryState } from "../../components/page-state";
import { rowColumn } from "../../components/row-column";
import { VirtualTable } from "../../components/virtual-table";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { ProvisionalMark } from "../../shell/system-warnings";
import { DeadlineBadge } from "../applications/deadline-text";
import { InboxSection } from "./inbox-section";

const useStyles = makeStyles({
  // The applications' heading stands apart from the sheets-and-warnings section above it, as sections do elsewhere.
  heading: { display: "block", marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalS },
});

export function MyWorkPage() {
  return (
    <RequirePermission permission="applications.read">
      <MyWork />
    </RequirePermission>
  );
}

function MyWork() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const reference = useReference().data;
  const styles = useStyles();
  const work = useInfiniteQuery(myWorkQuery());
  const rows = useMemo(() => work.data?.pages.flatMap((p) => p.items) ?? [], [work.data]);
  const columns = useMemo<ColumnDef<WorkItem, unknown>[]>(() => {
    const labels = labelsOf(reference, locale);
    const col = rowColumn<WorkItem>;
    return [
      // 逾期 as every screen counts it (shared currentDeadline), with its rule: 办理期限 2026/11/30 · 已逾期 4 个工作日.
      col("left", t("myWork.left"), 300, (r) => (
        <DeadlineBadge deadline={r.deadline} workingDaysLeft={r.workingDaysLeft} executedOn={r.executedOn} />
      )),
      col("due", t("applications.col.due"), 150, (r) => (
        <>
          {formatDate(r.dueOn, locale) || "—"} <ProvisionalMark date={r.dueOn} />
        </>
      )),
      col("id", t("applications.col.id"), 70, (r) => r.id),
      col("type", t("applications.col.type"), 110, (r) => labels.type(r.type)),
      col("stage", t("applications.col.stage"), 130, (r) => labels.stage(r.type, r.stage)),
      col("studentNo", t("applications.col.studentNo"), 120, (r) => r.studentNo),
      col("name", t("applications.col.name"), 90, (r) => r.name),
      col("college", t("applications.col.college"), 160, (r) => r.collegeName),
    ];
  }, [t, locale, reference]);
  return (
    <>
      <PageHeader title={t("nav.myWork")} />
      <InboxSection />
      <Subtitle1 as="h2" className={styles.heading}>
        {t("inbox.applications")}
      </Subtitle1>
      <QueryState query={work} isEmpty={() => rows.length === 0} empty={<Empty title={t("myWork.none")}>{t("myWork.noneHint")}</Empty>}>
        {() => (
          <VirtualTable
            label={t("nav.myWork")}
            data={rows}
            columns={columns}
            getRowId={(r) => String(r.id)}
            onRowOpen={(r) => navigate({ to: "/applications/$id", params: { id: String(r.id) } })}
            hasMore={work.hasNextPage}
            loadingMore={work.isFetchingNextPage}
            onLoadMore={() => void work.fetchNextPage()}
          />
        )}
      </QueryState>
    </>
  );
}
