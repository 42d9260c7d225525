import { makeStyles, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { isLeader } from "@xueji/shared";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { auditPassRatesQuery, leadTimesQuery, pipelineQuery, sheetProgressQuery, standingByCollegeQuery } from "../../api/overview";
import { useReference } from "../../api/reference";
import { CollegePicker } from "../../components/college-picker";
import { PageHeader } from "../../components/page-header";
import { Loading, QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { TermPicker } from "../../components/term-picker";
import { RequirePermission } from "../../shell/require-permission";
import { useMay, useMe } from "../../shell/use-me";
import { SetupReminder } from "../setup/setup-reminder";
import { PipelineHeatMap } from "./pipeline-heat-map";
import { overviewQueries } from "./search";
import { SheetProgressTable } from "./sheet-progress-table";
import { StandingTable } from "./standing-table";

// Only leaders see the charts: others never load them.
const LeaderCharts = lazy(() => import("./leader-charts").then((m) => ({ default: m.LeaderCharts })));

const routeApi = getRouteApi("/app/");

const useStyles = makeStyles({ grid: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL } });

export function OverviewPage() {
  return (
    <RequirePermission permission="applications.read">
      <Overview />
    </RequirePermission>
  );
}

function Overview() {
  const { t } = useTranslation();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/" });
  const me = useMe();
  const reference = useReference();
  const queries = overviewQueries(search, me.role);
  const pipeline = useQuery(pipelineQuery(queries.pipeline));
  const maySheets = useMay("sheets.read");
  const mayPending = useMay("pending.read");
  const leader = isLeader(me.role);
  const sheets = useQuery({ ...sheetProgressQuery(queries.sheets), enabled: maySheets });
  const standing = useQuery({ ...standingByCollegeQuery(queries.standing), enabled: mayPending });
  const leadTimes = useQuery({ ...leadTimesQuery(queries.leadTimes), enabled: leader });
  const audits = useQuery({ ...auditPassRatesQuery(queries.audits), enabled: leader });
  const setSearch = (next: Partial<typeof search>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const termCode = search.termCode ?? sheets.data?.termCode ?? undefined;

  return (
    <>
      <PageHeader title={t("nav.overview")}>
        <CollegePicker value={search.collegeId} onChange={(collegeId) => setSearch({ collegeId })} />
        {maySheets ? <TermPicker value={termCode} onChange={(code) => setSearch({ termCode: code })} /> : null}
      </PageHeader>
      <SetupReminder />
      <div className={styles.grid}>
        <Section title={t("overview.pipeline")} note={t("overview.pipelineNote")}>
          <QueryState
            query={{
              ...pipeline,
              data: pipeline.data && reference.data ? { cells: pipeline.data, reference: reference.data } : undefined,
              error: pipeline.error ?? reference.error,
            }}
          >
            {({ cells, reference: ref }) => (
              <PipelineHeatMap
                cells={cells}
                reference={ref}
                onOpen={(type, stage) =>
                  navigate({ to: "/applications", search: { type, stage, collegeId: search.collegeId, state: "open" } })
                }
              />
            )}
          </QueryState>
        </Section>
        {maySheets ? (
          <Section title={t("overview.sheetProgress")} note={t("overview.sheetProgressNote")}>
            <QueryState query={{ ...sheets, data: sheets.data?.rows }} isEmpty={(rows) => rows.length === 0}>
              {(rows) => <SheetProgressTable rows={rows} />}
            </QueryState>
          </Section>
        ) : null}
        {mayPending ? (
          <Section title={t("overview.standing", { year: standing.data?.academicYear ?? "" })} note={t("overview.standingNote")}>
            <QueryState query={{ ...standing, data: standing.data?.rows }} isEmpty={(rows) => rows.length === 0}>
              {(rows) => <StandingTable rows={rows} />}
            </QueryState>
          </Section>
        ) : null}
        {leader && leadTimes.data && audits.data && pipeline.data && reference.data ? (
          <Suspense fallback={<Loading />}>
            <LeaderCharts leadTimes={leadTimes.data} pipeline={pipeline.data} audits={audits.data} reference={reference.data} />
          </Suspense>
        ) : null}
      </div>
    </>
  );
}
