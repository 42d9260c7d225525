import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, PlayRegular } from "@fluentui/react-icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { AUDIT_STAGE_LABELS, type AuditStage } from "@xueji/shared";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { advanceStage, downloadGraduation, runCohort } from "../../api/graduation";
import { auditPassRatesQuery } from "../../api/overview";
import { invalidate } from "../../api/query";
import { labelsOf, useReference } from "../../api/reference";
import { PageHeader } from "../../components/page-header";
import { ErrorBar, Loading, QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { useMay } from "../../shell/use-me";
import { AuditDrillDown } from "./audit-drill-down";
import { AuditSummaryTable } from "./audit-summary-table";
import { CommitteeDialog } from "./committee-dialog";
import { FreezeBanner } from "./freeze-banner";
import type { GraduationSearch, GraduationView } from "./search";
import "./graduation-words";

// The execution and the certificate list are the later steps of the year: their code loads when opened.
const ExecutionPanel = lazy(() => import("./execution-panel").then((m) => ({ default: m.ExecutionPanel })));
const PhotoImport = lazy(() => import("../students/photo-import").then((m) => ({ default: m.PhotoImport })));
const CertificateList = lazy(() => import("./certificate-list").then((m) => ({ default: m.CertificateList })));
const CertificateReplacementPanel = lazy(() =>
  import("./certificate-replacement-panel").then((m) => ({ default: m.CertificateReplacementPanel })),
);

const routeApi = getRouteApi("/app/graduation");

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  cohort: { width: "100px" },
});

export function GraduationPage() {
  return (
    <RequirePermission permission="graduation.read">
      <Graduation />
    </RequirePermission>
  );
}

/** The cohort graduating this academic year: those who entered `duration` years before (4-year programmes by default). */
function defaultCohort(academicYear: string | undefined): number {
  return academicYear ? Number(academicYear.slice(5, 9)) : new Date().getFullYear();
}

function Graduation() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/graduation" });
  const queryClient = useQueryClient();
  const reference = useReference().data;
  const labels = labelsOf(reference, locale);
  // Without a cohort in the URL the server picks the latest audited one (else this year's graduates).
  const summary = useQuery(auditPassRatesQuery({ cohort: search.cohort }));
  const cohort = search.cohort ?? summary.data?.cohort ?? defaultCohort(reference?.academicYear);
  const setSearch = (next: Partial<GraduationSearch>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const mayRun = useMay("graduation.run");
  const mayPhotos = useMay("students.photo");
  const view: GraduationView = search.view ?? "audit";
  // The results by college are the insights router's (the overview shows them too): refresh both.
  const refresh = () => invalidate(queryClient, "graduation", "insights");
  const run = useMutation({ mutationFn: runCohort, onSuccess: refresh });
  const advance = useMutation({ mutationFn: advanceStage, onSuccess: refresh });
  const [committeeFor, setCommitteeFor] = useState<number | null>(null);
  const exporting = useMutation({ mutationFn: () => downloadGraduation({ cohort, collegeId: search.collegeId }) });
  const stageName = (stage: string) => AUDIT_STAGE_LABELS[stage as AuditStage]?.[locale] ?? stage;

  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.graduation")}>
        {view !== "certificates" && view !== "replacement" ? (
          <Field label={t("graduation.cohort")}>
            <Input
              className={styles.cohort}
              type="number"
              value={String(cohort)}
              onChange={(_, d) =>
                Number(d.value) >= 2000 && Number(d.value) <= 2100 && setSearch({ cohort: Number(d.value), collegeId: undefined })
              }
            />
          </Field>
        ) : null}
        {mayRun && view === "audit" ? (
          <Button
            icon={<PlayRegular />}
            onClick={() => {
              advance.reset();
              run.mutate({ cohort });
            }}
            disabled={run.isPending}
          >
            {run.isPending ? t("graduation.running") : t("graduation.run")}
          </Button>
        ) : null}
        {view === "audit" ? (
          <Button icon={<ArrowDownloadRegular />} onClick={() => exporting.mutate()} disabled={exporting.isPending}>
            {t("gradYear.exportNotice")}
          </Button>
        ) : null}
      </PageHeader>
      <TabList
        aria-label={t("gradYear.tabs.label")}
        selectedValue={view}
        onTabSelect={(_, d) => setSearch({ view: d.value === "audit" ? undefined : (d.value as GraduationView) })}
      >
        <Tab value="audit">{t("gradYear.tabs.audit")}</Tab>
        <Tab value="execute">{t("gradYear.tabs.execute")}</Tab>
        <Tab value="certificates">{t("gradYear.tabs.certificates")}</Tab>
        <Tab value="replacement">{t("gradYear.tabs.replacement")}</Tab>
      </TabList>
      {view !== "certificates" && view !== "replacement" ? <FreezeBanner cohort={cohort} collegeId={search.collegeId} /> : null}
      {view === "execute" ? (
        <Suspense fallback={<Loading />}>
          {mayPhotos ? <PhotoImport /> : null}
          <ExecutionPanel cohort={cohort} collegeId={search.collegeId} show={search.show} onSearch={setSearch} />
        </Suspense>
      ) : view === "replacement" ? (
        <Suspense fallback={<Loading />}>
          <CertificateReplacementPanel />
        </Suspense>
      ) : view === "certificates" ? (
        <Suspense fallback={<Loading />}>
          <CertificateList
            filter={{ year: search.year ?? cohort, collegeId: search.collegeId, majorId: search.majorId, kind: search.kind }}
            onSearch={setSearch}
          />
        </Suspense>
      ) : (
        <>
          {run.data ? (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{run.data.audited ? t("gradYear.ran", run.data) : t("gradYear.ranNone", { cohort })}</MessageBarBody>
            </MessageBar>
          ) : null}
          {advance.data && advance.variables ? (
            <MessageBar intent="success" role="status">
              <MessageBarBody>
                {t("gradYear.advanced", {
                  college: labels.college(advance.variables.collegeId),
                  stage: stageName(advance.data.stage),
                  count: advance.data.students,
                })}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {exporting.data !== undefined ? (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t("gradYear.exported", { count: exporting.data })}</MessageBarBody>
            </MessageBar>
          ) : null}
          {run.error ? <ErrorBar error={run.error} /> : null}
          {advance.error ? <ErrorBar error={advance.error} /> : null}
          {exporting.error ? <ErrorBar error={exporting.error} /> : null}
          <Section title={t("graduation.byCollege", { cohort })} note={t("graduation.byCollegeNote")}>
            <QueryState
              query={{ ...summary, data: summary.data?.rows }}
              isEmpty={(rows) => rows.length === 0}
              empty={
                <MessageBar>
                  <MessageBarBody>{t("graduation.none")}</MessageBarBody>
                </MessageBar>
              }
            >
              {(rows) => (
                <AuditSummaryTable
                  cohort={cohort}
                  rows={rows}
                  openCollegeId={search.collegeId}
                  onOpen={(collegeId) => setSearch({ collegeId })}
                  onAdvance={(collegeId, from) => {
                    run.reset();
                    // 学位委员会 passes only with its decision recorded (date and meeting number).
                    if (from === "degree-committee") setCommitteeFor(collegeId);
                    else advance.mutate({ cohort, collegeId, from });
                  }}
                />
              )}
            </QueryState>
          </Section>
          {committeeFor !== null ? (
            <CommitteeDialog
              title={t("gradYear.committee.title", { college: labels.college(committeeFor) })}
              today={reference?.today ?? ""}
              pending={advance.isPending}
              onClose={() => setCommitteeFor(null)}
              onConfirm={(committee) =>
                advance.mutate(
                  { cohort, collegeId: committeeFor, from: "degree-committee", committee },
                  { onSettled: () => setCommitteeFor(null) },
                )
              }
            />
          ) : null}
          {search.collegeId !== undefined ? (
            <AuditDrillDown
              cohort={cohort}
              collegeId={search.collegeId}
              every={search.every === true}
              onEvery={(every) => setSearch({ every: every || undefined })}
              onChanged={() => run.reset()}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
