import { makeStyles, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { pipelineQuery, sheetProgressQuery } from "../../api/overview";
import { useReference } from "../../api/reference";
import { CollegePicker } from "../../components/college-picker";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { TermPicker } from "../../components/term-picker";
import { RequirePermission } from "../../shell/require-permission";
import { useMay } from "../../shell/use-me";
import { PipelineHeatMap } from "./pipeline-heat-map";
import { SheetProgressTable } from "./sheet-progress-table";

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
  const reference = useReference();
  const pipeline = useQuery(pipelineQuery({ collegeId: search.collegeId }));
  const termCode = search.termCode ?? reference.data?.currentTerm ?? undefined;
  const maySheets = useMay("sheets.read");
  const sheets = useQuery({
    ...sheetProgressQuery({ termCode: termCode ?? "", collegeId: search.collegeId }),
    enabled: !!termCode && maySheets,
  });
  const setSearch = (next: Partial<typeof search>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });

  return (
    <>
      <PageHeader title={t("nav.overview")}>
        <CollegePicker value={search.collegeId} onChange={(collegeId) => setSearch({ collegeId })} />
        <TermPicker value={termCode} onChange={(code) => setSearch({ termCode: code })} />
      </PageHeader>
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
            <QueryState query={sheets} isEmpty={(rows) => rows.length === 0}>
              {(rows) => <SheetProgressTable rows={rows} />}
            </QueryState>
          </Section>
        ) : null}
      </div>
    </>
  );
}
