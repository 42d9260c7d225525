import { Badge, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type KeyboardEvent, type UIEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { submissionsQuery } from "../../api/sheets";
import { CollegePicker } from "../../components/college-picker";
import { LabelValueTable } from "../../components/label-value-table";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/page-state";
import { TermPicker } from "../../components/term-picker";
import { formatDateTime, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { ReceiptFilter } from "./receipt-filter";
import type { SheetsSearch } from "./search";
import { SubmissionPanel } from "./submission-panel";

const routeApi = getRouteApi("/app/sheets");

const useStyles = makeStyles({
  layout: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  list: {
    maxHeight: "320px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { cursor: "pointer" },
  open: { backgroundColor: tokens.colorBrandBackground2 },
  note: { color: tokens.colorNeutralForeground3 },
  // A term code or a time split over lines reads as two values.
  nowrap: { whiteSpace: "nowrap" },
  // The table shares its width out evenly: a time (2026/12/07 19:55) needs more than its share, a version or a
  // count far less.
  at: { whiteSpace: "nowrap", width: "140px" },
  narrow: { width: "72px" },
  state: { width: "96px" },
});

export const STATE_COLOUR = { submitted: "warning", accepted: "success", rejected: "danger", superseded: "informative" } as const;

export function SheetsPage() {
  return (
    <RequirePermission permission="sheets.read">
      <Sheets />
    </RequirePermission>
  );
}

function Sheets() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/sheets" });
  // Unset: every term, newest submissions first.
  const termCode = search.termCode;
  const setSearch = (next: Partial<SheetsSearch>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const list = useInfiniteQuery(submissionsQuery({ termCode, collegeId: search.collegeId, receipt: search.receipt }));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  // The next page is asked for when the reader scrolls within a few rows of the end of what is loaded.
  const onScroll = (e: UIEvent<HTMLElement>) => {
    const box = e.currentTarget;
    if (hasNextPage && !isFetchingNextPage && box.scrollTop + box.clientHeight >= box.scrollHeight - 120) void fetchNextPage();
  };
  return (
    <div className={styles.layout}>
      <PageHeader title={t("nav.sheets")}>
        <CollegePicker value={search.collegeId} onChange={(collegeId) => setSearch({ collegeId, open: undefined })} />
        <TermPicker allowAll value={termCode} onChange={(code) => setSearch({ termCode: code, open: undefined })} />
        <ReceiptFilter value={search.receipt} onChange={(receipt) => setSearch({ receipt, open: undefined })} />
      </PageHeader>
      <QueryState query={list} isEmpty={(data) => !data.pages.some((p) => p.items.length > 0)}>
        {() => (
          <>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus to scroll by keyboard (axe scrollable-region-focusable) */}
            <section className={styles.list} aria-label={t("sheets.submissions")} tabIndex={0} onScroll={onScroll}>
              <LabelValueTable
                label={t("sheets.submissions")}
                rows={rows}
                rowKey={(s) => s.id}
                rowProps={(s) => ({
                  className: mergeClasses(styles.row, search.open === s.id && styles.open),
                  onClick: () => setSearch({ open: s.id }),
                  onKeyDown: (e: KeyboardEvent) => e.key === "Enter" && setSearch({ open: s.id }),
                  tabIndex: 0,
                  "aria-selected": search.open === s.id,
                })}
                columns={[
                  { id: "college", label: t("sheets.col.college"), value: (s) => s.collegeName },
                  { id: "term", label: t("sheets.col.term"), value: (s) => s.termCode, className: styles.nowrap },
                  { id: "kind", label: t("sheets.col.kind"), value: (s) => t(`sheetKind.${s.kind}`, { defaultValue: s.kind }) },
                  {
                    id: "version",
                    label: t("sheets.col.version"),
                    value: (s) => t("sheets.versionValue", { version: s.version }),
                    className: styles.narrow,
                  },
                  {
                    id: "state",
                    label: t("sheets.col.state"),
                    className: styles.state,
                    value: (s) => (
                      <Badge appearance="tint" color={STATE_COLOUR[s.state as keyof typeof STATE_COLOUR] ?? "informative"}>
                        {t(`sheetState.${s.state}`, { defaultValue: s.state })}
                      </Badge>
                    ),
                  },
                  { id: "rows", label: t("sheets.col.rows"), value: (s) => formatNumber(s.rowCount, locale), className: styles.narrow },
                  {
                    id: "errors",
                    label: t("sheets.col.errors"),
                    value: (s) => formatNumber(s.errorCount, locale),
                    className: styles.narrow,
                  },
                  { id: "by", label: t("sheets.col.by"), value: (s) => s.submittedBy },
                  { id: "at", label: t("sheets.col.at"), value: (s) => formatDateTime(s.submittedAt, locale), className: styles.at },
                ]}
              />
            </section>
            <Text className={styles.note} aria-live="polite">
              {isFetchingNextPage
                ? t("state.loadingMore")
                : hasNextPage
                  ? t("table.loaded", { count: formatNumber(rows.length, locale) })
                  : t("state.allLoaded", { count: formatNumber(rows.length, locale) })}
            </Text>
          </>
        )}
      </QueryState>
      {search.open ? <SubmissionPanel submissionId={search.open} /> : null}
    </div>
  );
}
