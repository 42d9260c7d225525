import { Badge, Button, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { PrintRegular } from "@fluentui/react-icons";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { FIXED_STAGES, nextStepFor, ROLE_LABELS, roleOfStage } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { signOffsQuery, type Timeline, timelineQuery } from "../../api/applications";
import { labelsOf, useReference } from "../../api/reference";
import { studentCardQuery } from "../../api/students";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/page-state";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { useMe } from "../../shell/use-me";
import { ApplicationFacts, ChangesSection } from "./application-facts";
import "./applications-words";
import { DecisionForm } from "./decision-form";
import { DraftActions } from "./draft-actions";
import { MaterialsSection } from "./materials-section";
import { NoticeSheet } from "./notice-sheet";
import { SignOffForm } from "./sign-off-form";
import { TimelineSection } from "./timeline-section";
import { UrgeButton } from "./urge-button";
import { fieldLabelOf, valueLabelOf } from "./value-label";

const routeApi = getRouteApi("/app/applications/$id");

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    // One column on a phone (a reminder's link opened in 企业微信).
    "@media (max-width: 600px)": { gridTemplateColumns: "minmax(0, 1fr)" },
    "@media print": { display: "none" },
  },
  wide: { gridColumn: "1 / -1" },
  noPrint: { "@media print": { display: "none" } },
});

export function ApplicationDetailPage() {
  return (
    <RequirePermission permission="applications.read">
      <ApplicationDetail />
    </RequirePermission>
  );
}

function ApplicationDetail() {
  const { t } = useTranslation();
  const { id } = routeApi.useParams();
  const applicationId = Number(id);
  const timeline = useQuery(timelineQuery(applicationId));
  const signOffs = useQuery(signOffsQuery(applicationId));
  const [done, setDone] = useState<string | null>(null);
  const navigate = useNavigate();
  return (
    <QueryState query={timeline}>
      {(data) => (
        <ApplicationView
          timeline={data}
          signOffs={signOffs.data ?? []}
          done={done}
          onDone={setDone}
          onReload={() => void timeline.refetch()}
          onDeleted={(deleted) =>
            navigate({ to: "/applications", search: {} }).then(() => setDone(t("journey.draft.deleted", { id: deleted })))
          }
        />
      )}
    </QueryState>
  );
}

function ApplicationView({
  timeline,
  signOffs,
  done,
  onDone,
  onReload,
  onDeleted,
}: {
  timeline: Timeline;
  signOffs: Parameters<typeof TimelineSection>[0]["signOffs"];
  done: string | null;
  onDone: (message: string) => void;
  onReload: () => void;
  onDeleted: (id: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const me = useMe();
  const reference = useReference().data;
  const labels = labelsOf(reference, locale);
  const { application, student, workflow, decisions, changes } = timeline;
  const card = useQuery({ ...studentCardQuery(student?.studentNo ?? ""), enabled: !!student?.studentNo && !!application.noticeNo });
  const stageName = (stage: string) => labels.stage(application.type, stage);
  // Whether this viewer acts now, and how: the same rule the server enforces (shared who-acts.ts).
  const step = nextStepFor(workflow, application, me);
  const filer = application.filedBy === me.id && application.state === "open";
  // Where 报送 sends it: the first deciding stage (every workflow has one).
  const firstStage = workflow.stages[0]?.key ?? FIXED_STAGES.execution;
  const mayWithdraw = filer && application.stage === firstStage && decisions.at(-1)?.action === "submit";
  const waitingRole = roleOfStage(workflow, application.stage);
  const valueLabel = valueLabelOf(t, reference, locale, timeline.classes);
  const fieldLabel = fieldLabelOf(t, locale);
  const reason = workflow.reasons.find((r) => r.code === application.reasonCode);
  const stepDone = (stage: string) => onDone(t("detail.decided", { stage: stageName(stage) }));
  return (
    <>
      <div className={styles.noPrint}>
        <Link to="/applications">{t("common.back")}</Link>
        <PageHeader title={t("detail.title", { id: application.id, type: labels.type(application.type), name: student?.name ?? "" })}>
          <Badge
            size="large"
            appearance="tint"
            color={application.state === "open" ? "brand" : application.state === "done" ? "success" : "danger"}
          >
            {stageName(application.stage)}
          </Badge>
          <UrgeButton application={application} today={reference?.today ?? ""} />
          {application.noticeNo ? (
            <Button icon={<PrintRegular />} onClick={() => window.print()}>
              {t("detail.printNotice")}
            </Button>
          ) : null}
        </PageHeader>
      </div>
      {done ? (
        <MessageBar intent="success" className={styles.noPrint}>
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.grid}>
        <ApplicationFacts timeline={timeline} />
        <MaterialsSection timeline={timeline} mayUpload={step === "submit"} />
        <div className={styles.wide}>
          <ChangesSection timeline={timeline} />
        </div>
        <div className={styles.wide}>
          <TimelineSection timeline={timeline} signOffs={signOffs} />
        </div>
        {filer && (application.stage === FIXED_STAGES.draft || mayWithdraw) ? (
          <div className={styles.wide}>
            <DraftActions timeline={timeline} mayWithdraw={mayWithdraw} onChanged={onDone} onDeleted={onDeleted} />
          </div>
        ) : null}
        <div className={styles.wide}>
          {step === "submit" || step === "decide" ? (
            <DecisionForm
              key={application.version}
              applicationId={application.id}
              version={application.version}
              mode={step}
              nextStageName={stageName(firstStage)}
              onDone={stepDone}
              onReload={onReload}
            />
          ) : step === "sign-off" ? (
            <SignOffForm
              key={application.version}
              applicationId={application.id}
              version={application.version}
              stageName={stageName(application.stage)}
              today={reference?.today ?? ""}
              onDone={stepDone}
            />
          ) : application.state === "open" ? (
            <Text data-testid="waiting-for">
              {workflow.stages.find((s) => s.key === application.stage)?.signOff
                ? t("journey.signOff.waiting", { stage: stageName(application.stage) })
                : t("journey.waiting", { stage: stageName(application.stage), role: waitingRole ? ROLE_LABELS[waitingRole][locale] : "—" })}
            </Text>
          ) : null}
        </div>
      </div>
      {application.noticeNo && student ? (
        <NoticeSheet
          noticeNo={application.noticeNo}
          executedOn={application.executedOn}
          studentNo={student.studentNo}
          name={student.name}
          college={card.data?.collegeName ?? ""}
          major={card.data?.majorName ?? ""}
          type={labels.type(application.type)}
          reason={reason?.name[locale] ?? application.reasonCode}
          period={
            application.periodStartsOn && application.periodEndsOn
              ? t("journey.period.value", {
                  from: formatDate(application.periodStartsOn, locale),
                  to: formatDate(application.periodEndsOn, locale),
                })
              : null
          }
          changes={changes.map((c) => ({
            field: fieldLabel(c.field),
            before: valueLabel(c.field, c.before),
            after: valueLabel(c.field, c.after),
          }))}
        />
      ) : null}
    </>
  );
}
