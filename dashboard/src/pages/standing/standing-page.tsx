import { Badge, Button, Dropdown, Field, MessageBar, MessageBarBody, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { useReference } from "../../api/reference";
import { fromPending, liftPending, type PendingItem, pendingQuery } from "../../api/standing";
import { CollegePicker } from "../../components/college-picker";
import { PageHeader } from "../../components/page-header";
import { ErrorBar, QueryState } from "../../components/page-state";
import { ReasonDialog } from "../../components/reason-dialog";
import { VirtualTable } from "../../components/virtual-table";
import { collator, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { useMay } from "../../shell/use-me";
import { DemotionDialog } from "./demotion-dialog";
import { STANDING_KINDS, type StandingSearch } from "./search";

const routeApi = getRouteApi("/app/standing");

const useStyles = makeStyles({
  // Term and year on two short lines: one line of both needs a column as wide as the name and college together.
  credits: { display: "flex", flexDirection: "column", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

interface Figures {
  yearFailedCredits?: number;
  termFailedCredits?: number;
  terms?: Array<{ term: string; failedCredits: number }>;
}

export function StandingPage() {
  return (
    <RequirePermission permission="pending.read">
      <Standing />
    </RequirePermission>
  );
}

function Standing() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/standing" });
  const queryClient = useQueryClient();
  const reference = useReference().data;
  // Unset: every year (the list is of what is still to be dealt with, whatever year produced it).
  const academicYear = search.academicYear;
  const setSearch = (next: Partial<StandingSearch>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const list = useInfiniteQuery(pendingQuery({ academicYear, kind: search.kind, collegeId: search.collegeId }));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const mayLift = useMay("pending.lift");
  const mayTakeUp = useMay("pending.take-up");
  const [lifting, setLifting] = useState<PendingItem | null>(null);
  // The application just opened and what it is (退学处理 or 降级（学业原因）), for the message that links to it.
  const [created, setCreated] = useState<number | null>(null);
  const [createdKind, setCreatedKind] = useState<"dismissal" | "repeat">("dismissal");
  const [demoting, setDemoting] = useState<PendingItem | null>(null);
  const takeUp = useMutation({
    mutationFn: fromPending,
    onSuccess: async (app) => {
      setCreated(app.id);
      setCreatedKind("dismissal");
      await invalidate(queryClient, "pending", "applications", "insights");
    },
  });
  const years = [...new Set((reference?.terms ?? []).map((term) => term.academicYear))].reverse();

  const columns = useMemo<ColumnDef<PendingItem, unknown>[]>(() => {
    const col = (
      id: string,
      header: string,
      size: number,
      cell: (r: PendingItem) => React.ReactNode,
      sort?: (r: PendingItem) => string | number,
    ) =>
      ({
        id,
        header,
        size,
        accessorFn: sort ?? ((r: PendingItem) => r),
        enableSorting: !!sort,
        sortingFn: sort ? (a, b) => collator(locale).compare(String(sort(a.original)), String(sort(b.original))) : undefined,
        cell: ({ row }) => cell(row.original),
      }) as ColumnDef<PendingItem, unknown>;
    return [
      // Content widths (each cell adds 16 px of padding): 654 + 7 × 16 = 766 px, so the whole row fits beside the
      // menu at 1024 px wide and stretches wider; each fits its longest content (学号, a 9-character college, 本学年 15.5 学分).
      col(
        "studentNo",
        t("applications.col.studentNo"),
        84,
        (r) => r.studentNo,
        (r) => r.studentNo,
      ),
      col(
        "name",
        t("applications.col.name"),
        60,
        (r) => r.name,
        (r) => r.name,
      ),
      col(
        "college",
        t("applications.col.college"),
        130,
        (r) => r.collegeName,
        (r) => r.collegeName,
      ),
      col("kind", t("standing.kind"), 88, (r) => (
        <Badge appearance="tint" color={r.kind === "dismissal" ? "danger" : r.kind === "repeat" ? "warning" : "informative"}>
          {t(`standingKind.${r.kind}`, { defaultValue: r.kind })}
        </Badge>
      )),
      // A year's outcome (学年累计, seed 000 九) has no term: its year (2025-2026, beside a term's 2025-2026-2).
      col("term", t("common.termOrYear"), 90, (r) => r.termCode || r.academicYear),
      col("credits", t("standing.credits"), 96, (r) => {
        const f = r.figures as Figures;
        return (
          <span className={styles.credits}>
            {f.termFailedCredits !== undefined ? (
              <span>{t("standing.termCredits", { n: formatNumber(f.termFailedCredits, locale) })}</span>
            ) : null}
            {f.yearFailedCredits !== undefined ? (
              <span>{t("standing.yearCredits", { n: formatNumber(f.yearFailedCredits, locale) })}</span>
            ) : null}
          </span>
        );
      }),
      // State and action share a column: a pending item shows what can be done with it (the button says it is
      // pending); one already dealt with, or one this role may not act on, shows its state.
      col("state", t("standing.actions"), 110, (r) => {
        if (r.state === "pending" && r.kind === "dismissal" && mayTakeUp)
          return (
            <Button size="small" onClick={() => takeUp.mutate({ itemId: r.id })} disabled={takeUp.isPending}>
              {t("standing.takeUp")}
            </Button>
          );
        if (r.state === "pending" && r.kind === "repeat" && mayTakeUp)
          return (
            <Button size="small" onClick={() => setDemoting(r)} aria-label={t("demotion.actionFor", { name: r.name })}>
              {t("demotion.action")}
            </Button>
          );
        if (r.state === "pending" && r.kind.startsWith("warning") && mayLift)
          return (
            <Button size="small" onClick={() => setLifting(r)}>
              {t("standing.lift")}
            </Button>
          );
        return t(`pendingState.${r.state}`, { defaultValue: r.state });
      }),
    ];
  }, [t, locale, styles, mayLift, mayTakeUp, takeUp]);

  return (
    <>
      <PageHeader title={t("nav.standing")}>
        <Field label={t("standing.year")}>
          <Dropdown
            value={academicYear ?? t("common.all")}
            selectedOptions={[academicYear ?? ""]}
            onOptionSelect={(_, d) => setSearch({ academicYear: d.optionValue || undefined })}
          >
            <Option value="">{t("common.all")}</Option>
            {years.map((y) => (
              <Option key={y} value={y}>
                {y}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("standing.kind")}>
          <Dropdown
            value={search.kind ? t(`standingKind.${search.kind}`) : t("common.all")}
            selectedOptions={[search.kind ?? ""]}
            onOptionSelect={(_, d) => setSearch({ kind: (d.optionValue || undefined) as StandingSearch["kind"] })}
          >
            <Option value="">{t("common.all")}</Option>
            {STANDING_KINDS.map((k) => (
              <Option key={k} value={k}>
                {t(`standingKind.${k}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <CollegePicker value={search.collegeId} onChange={(collegeId) => setSearch({ collegeId })} />
      </PageHeader>
      {created ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {createdKind === "repeat" ? `${t("demotion.created")}：` : t("standing.created")}{" "}
            <Link to="/applications/$id" params={{ id: String(created) }}>
              #{created}
            </Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {takeUp.error ? <ErrorBar error={takeUp.error} /> : null}
      <QueryState query={list} isEmpty={(data) => !data.pages.some((p) => p.items.length > 0)}>
        {() => (
          <VirtualTable
            label={t("nav.standing")}
            data={rows}
            columns={columns}
            getRowId={(r) => String(r.id)}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        )}
      </QueryState>
      {demoting ? (
        <DemotionDialog
          item={demoting}
          onClose={() => setDemoting(null)}
          onCreated={(id) => {
            setDemoting(null);
            setCreated(id);
            setCreatedKind("repeat");
            void invalidate(queryClient, "pending", "applications", "insights");
          }}
        />
      ) : null}
      {lifting ? (
        <ReasonDialog
          title={t("standing.liftTitle", { name: lifting.name })}
          label={t("common.reason")}
          hint={t("standing.liftHint")}
          confirm={t("standing.lift")}
          maxLength={2000}
          submit={(reason) => liftPending({ itemId: lifting.id, reason })}
          onDone={async () => {
            setLifting(null);
            await invalidate(queryClient, "pending", "insights");
          }}
          onClose={() => setLifting(null)}
        />
      ) : null}
    </>
  );
}
