import "./headcount-words";
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { entryByCode, LEVEL } from "@xueji/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useReference } from "../../api/reference";
import { downloadHeadcount, type HeadcountRow, headcountQuery } from "../../api/reports";
import { CollegePicker } from "../../components/college-picker";
import { LabelValueTable } from "../../components/label-value-table";
import { PageHeader } from "../../components/page-header";
import { ErrorBar, Loading, QueryState } from "../../components/page-state";
import { rowColumn } from "../../components/row-column";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { formatDate, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import type { StudentsSearch } from "../students/search";
import type { HeadcountSearch } from "./search";

const routeApi = getRouteApi("/app/headcount");

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  // Numbers and their headers align right, so the digits line up under the column's name.
  number: { textAlign: "end", width: "88px", "& .fui-TableHeaderCell__button": { justifyContent: "flex-end" } },
  total: { fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: "auto" },
});

export function HeadcountPage() {
  return (
    <RequirePermission permission="reports.read">
      <Headcount />
    </RequirePermission>
  );
}

/** The students behind a number: the students page with the same filters in its URL. */
function Count({ n, search }: { n: number; search: StudentsSearch }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (n === 0) return <>{formatNumber(0, locale)}</>;
  return (
    <Link to="/students" search={search} title={t("headcountPage.studentsOf", { count: n })}>
      {formatNumber(n, locale)}
    </Link>
  );
}

function Headcount() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/headcount" });
  const setSearch = (next: Partial<HeadcountSearch>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const today = useReference().data?.today;
  const date = search.date ?? today;
  const counts = useQuery({ ...headcountQuery(date ?? "", search.collegeId), enabled: date !== undefined });
  const download = useMutation({ mutationFn: () => downloadHeadcount(date as string, search.collegeId) });
  if (!date) return <Loading />;
  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.headcount")}>
        <Field label={t("headcountPage.date")}>
          <Input
            type="date"
            value={date}
            max={today}
            onChange={(_, d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value) && d.value <= (today ?? d.value) && setSearch({ date: d.value })}
          />
        </Field>
        <CollegePicker value={search.collegeId} onChange={(collegeId) => setSearch({ collegeId })} />
        <Button icon={<ArrowDownloadRegular />} onClick={() => download.mutate()} disabled={download.isPending || !counts.data}>
          {t("headcountPage.download")}
        </Button>
      </PageHeader>
      {download.error ? <ErrorBar error={download.error} /> : null}
      {date !== today ? (
        <MessageBar>
          <MessageBarBody>{t("headcountPage.pastNote")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <QueryState
        query={counts}
        isEmpty={(rows) => rows.length === 0}
        empty={
          <MessageBar>
            <MessageBarBody>{t("headcountPage.none")}</MessageBarBody>
          </MessageBar>
        }
      >
        {(rows) => (
          <>
            <Section title={t("headcountPage.byCollege")} note={t("headcountPage.byCollegeNote", { date: formatDate(date, locale) })}>
              <ByCollege rows={rows} />
            </Section>
            <Section
              title={t("headcountPage.detail")}
              note={t("headcountPage.detailNote", {
                count: rows.length,
                total: formatNumber(
                  rows.reduce((n, r) => n + r.count, 0),
                  locale,
                ),
              })}
            >
              <Detail rows={rows} />
            </Section>
          </>
        )}
      </QueryState>
    </div>
  );
}

/** College × status: the few statuses the record holds as columns, a total row and column. */
function ByCollege({ rows }: { rows: HeadcountRow[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const statuses = [...new Map(rows.map((r) => [r.status, r.statusName])).keys()];
  const colleges = [...new Map(rows.map((r) => [r.collegeId, r.collegeName])).entries()];
  type Line = { collegeId: number | undefined; name: string; by: Map<string, number>; total: number };
  const lines: Line[] = colleges.map(([collegeId, name]) => {
    const own = rows.filter((r) => r.collegeId === collegeId);
    const by = new Map<string, number>();
    for (const r of own) by.set(r.status, (by.get(r.status) ?? 0) + r.count);
    return { collegeId, name, by, total: own.reduce((n, r) => n + r.count, 0) };
  });
  const all = new Map<string, number>();
  for (const r of rows) all.set(r.status, (all.get(r.status) ?? 0) + r.count);
  if (lines.length > 1)
    lines.push({ collegeId: undefined, name: t("headcountPage.total"), by: all, total: rows.reduce((n, r) => n + r.count, 0) });
  return (
    <div className={styles.scroll}>
      <LabelValueTable
        label={t("headcountPage.byCollege")}
        rows={lines}
        rowKey={(l) => l.collegeId ?? "total"}
        rowProps={(l) => ({
          className: l.collegeId === undefined ? styles.total : undefined,
          "data-testid": `headcount-college-${l.collegeId ?? "total"}`,
        })}
        columns={[
          { id: "college", label: t("headcountPage.college"), value: (l) => l.name },
          ...statuses.map((status) => ({
            id: status,
            label: t(`studentStatus.${status}`, { defaultValue: rows.find((r) => r.status === status)?.statusName ?? status }),
            className: styles.number,
            value: (l: Line) => <Count n={l.by.get(status) ?? 0} search={{ collegeId: l.collegeId, status }} />,
          })),
          {
            id: "total",
            label: t("headcountPage.total"),
            className: styles.number,
            value: (l: Line) => <Count n={l.total} search={{ collegeId: l.collegeId }} />,
          },
        ]}
      />
    </div>
  );
}

function Detail({ rows }: { rows: HeadcountRow[] }) {
  const { t } = useTranslation();
  const columns = useMemo<ColumnDef<HeadcountRow, unknown>[]>(() => {
    const col = (id: string, size: number, cell: (r: HeadcountRow) => React.ReactNode) =>
      rowColumn(id, t(`headcountPage.${id}`), size, cell);
    return [
      col("college", 160, (r) => r.collegeName),
      col("major", 200, (r) => `${r.majorCode} ${r.majorName}`),
      col("level", 60, (r) => entryByCode(LEVEL, r.level)?.name ?? r.level),
      col("grade", 60, (r) => r.grade),
      col("status", 110, (r) => t(`studentStatus.${r.status}`, { defaultValue: r.statusName })),
      col("count", 80, (r) => (
        <Count n={r.count} search={{ collegeId: r.collegeId, majorId: r.majorId, grade: r.grade, status: r.status }} />
      )),
    ];
  }, [t]);
  return (
    <VirtualTable
      label={t("headcountPage.detail")}
      data={rows}
      columns={columns}
      getRowId={(r) => `${r.collegeId}-${r.majorId}-${r.grade}-${r.status}`}
      height={480}
    />
  );
}
