import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkRegular, DismissRegular, PrintRegular } from "@fluentui/react-icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { MATERIALS, type Material } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { decide, timelineQuery } from "../../api/applications";
import { problemOf } from "../../api/client";
import { invalidate } from "../../api/query";
import { labelsOf, useReference } from "../../api/reference";
import { studentCardQuery } from "../../api/students";
import { LabelValueTable } from "../../components/label-value-table";
import { PageHeader } from "../../components/page-header";
import { ErrorBar, QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDate, formatDateTime } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { useMe } from "../../shell/use-me";
import { NoticeSheet } from "./notice-sheet";

const routeApi = getRouteApi("/app/applications/$id");

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    "@media print": { display: "none" },
  },
  wide: { gridColumn: "1 / 3" },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  missing: { color: tokens.colorPaletteRedForeground1 },
  noPrint: { "@media print": { display: "none" } },
});

export function ApplicationDetailPage() {
  return (
    <RequirePermission permission="applications.read">
      <ApplicationDetail />
    </RequirePermission>
  );
}

type Action = "submit" | "advance" | "return" | "reject";

function ApplicationDetail() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const { id } = routeApi.useParams();
  const applicationId = Number(id);
  const me = useMe();
  const queryClient = useQueryClient();
  const reference = useReference().data;
  const labels = labelsOf(reference, locale);
  const timeline = useQuery(timelineQuery(applicationId));
  const studentNo = timeline.data?.student?.studentNo;
  const card = useQuery({ ...studentCardQuery(studentNo ?? ""), enabled: !!studentNo });
  const [action, setAction] = useState<Action>("advance");
  const [opinion, setOpinion] = useState("");
  const decision = useMutation({
    mutationFn: decide,
    onSuccess: async () => {
      setOpinion("");
      await invalidate(queryClient, "applications", "dashboard", "insights");
    },
  });
  /** A stored value as the reader reads it: a status code by its name, a major by its name. */
  const valueLabel = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (field === "status") return t(`studentStatus.${String(value)}`, { defaultValue: String(value) });
    if (field === "majorId") return reference?.majors.find((m) => m.id === Number(value))?.name ?? String(value);
    return String(value);
  };
  const conflict = decision.error && problemOf(decision.error).appCode === "application.conflict";

  return (
    <QueryState query={timeline}>
      {({ application, student, decisions, changes }) => {
        const workflow = reference?.workflows.find((w) => w.type === application.type);
        const reason = workflow?.reasons.find((r) => r.code === application.reasonCode);
        const needed = (reason?.materials ?? []) as Material[];
        const given = new Set(application.materials as string[]);
        const requested = Object.entries((application.changes ?? {}) as Record<string, string | number>);
        const atDraft = application.stage === "draft";
        const mayAct =
          application.state === "open" &&
          (atDraft ? me.role === "secretary" || me.role === "registrar-staff" : me.role !== "secretary" && me.role !== "admin");
        const chosen: Action = atDraft ? "submit" : action;
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
                  {labels.stage(application.type, application.stage)}
                </Badge>
                {application.noticeNo ? (
                  <Button icon={<PrintRegular />} onClick={() => window.print()}>
                    {t("detail.printNotice")}
                  </Button>
                ) : null}
              </PageHeader>
            </div>
            {decision.isSuccess ? (
              <MessageBar intent="success" className={styles.noPrint}>
                <MessageBarBody>{t("detail.decided", { stage: labels.stage(application.type, decision.data.stage) })}</MessageBarBody>
              </MessageBar>
            ) : null}
            <div className={styles.grid}>
              <Section title={t("detail.student")}>
                <dl className={styles.facts}>
                  <dt className={styles.dt}>{t("applications.col.studentNo")}</dt>
                  <dd className={styles.dd}>
                    <Link to="/students" search={{ q: student?.studentNo, open: student?.studentNo }}>
                      {student?.studentNo}
                    </Link>
                  </dd>
                  <dt className={styles.dt}>{t("applications.col.name")}</dt>
                  <dd className={styles.dd}>{student?.name}</dd>
                  {card.data ? (
                    <>
                      <dt className={styles.dt}>{t("applications.col.college")}</dt>
                      <dd className={styles.dd}>{card.data.collegeName}</dd>
                      <dt className={styles.dt}>{t("students.major")}</dt>
                      <dd className={styles.dd}>{card.data.majorName}</dd>
                      <dt className={styles.dt}>{t("students.grade")}</dt>
                      <dd className={styles.dd}>{card.data.student.grade}</dd>
                      <dt className={styles.dt}>{t("students.status")}</dt>
                      <dd className={styles.dd}>
                        {t(`studentStatus.${card.data.student.status}`, { defaultValue: card.data.student.status })}
                      </dd>
                    </>
                  ) : null}
                  <dt className={styles.dt}>{t("applications.col.reason")}</dt>
                  <dd className={styles.dd}>{reason?.name[locale] ?? application.reasonCode}</dd>
                  <dt className={styles.dt}>{t("applications.col.due")}</dt>
                  <dd className={styles.dd}>{formatDate(application.dueOn, locale) || "—"}</dd>
                  {application.note ? (
                    <>
                      <dt className={styles.dt}>{t("file.note")}</dt>
                      <dd className={styles.dd}>{application.note}</dd>
                    </>
                  ) : null}
                </dl>
              </Section>
              <Section title={t("detail.materials")}>
                <ul aria-label={t("detail.materials")}>
                  {needed.map((m) => (
                    <li key={m} className={given.has(m) ? undefined : styles.missing}>
                      {given.has(m) ? (
                        <CheckmarkRegular aria-label={t("detail.given")} />
                      ) : (
                        <DismissRegular aria-label={t("detail.missing")} />
                      )}{" "}
                      {MATERIALS[m]?.[locale] ?? m}
                    </li>
                  ))}
                  {[...given]
                    .filter((m) => !needed.includes(m as Material))
                    .map((m) => (
                      <li key={m}>
                        <CheckmarkRegular aria-label={t("detail.given")} /> {MATERIALS[m as Material]?.[locale] ?? m}
                      </li>
                    ))}
                </ul>
              </Section>
              <div className={styles.wide}>
                <Section title={t("detail.changes")}>
                  {changes.length ? (
                    <LabelValueTable
                      label={t("detail.changes")}
                      rows={changes}
                      rowKey={(c) => c.id}
                      columns={[
                        { id: "field", label: t("detail.field"), value: (c) => t(`field.${c.field}`, { defaultValue: c.field }) },
                        { id: "before", label: t("detail.before"), value: (c) => valueLabel(c.field, c.before) },
                        { id: "after", label: t("detail.after"), value: (c) => valueLabel(c.field, c.after) },
                      ]}
                    />
                  ) : requested.length ? (
                    <LabelValueTable
                      label={t("detail.requested")}
                      rows={requested}
                      rowKey={([field]) => field}
                      columns={[
                        { id: "field", label: t("detail.field"), value: ([field]) => t(`field.${field}`, { defaultValue: field }) },
                        {
                          id: "requested",
                          label: t("detail.requested"),
                          value: ([field, value]) =>
                            field === "majorId" ? (reference?.majors.find((m) => m.id === Number(value))?.name ?? value) : value,
                        },
                      ]}
                    />
                  ) : (
                    <Text>{t("detail.noChanges")}</Text>
                  )}
                </Section>
              </div>
              <div className={styles.wide}>
                <Section title={t("detail.timeline")}>
                  <LabelValueTable
                    label={t("detail.timeline")}
                    rows={[
                      { key: "filed", at: application.filedAt, by: "—", what: t("detail.filed"), opinion: "" },
                      ...decisions.map((d) => ({
                        key: `${String(d.at)}-${d.fromStage}-${d.toStage}`,
                        at: d.at,
                        by: d.by,
                        what: `${t(`decision.${d.action}`, { defaultValue: d.action })}: ${labels.stage(application.type, d.fromStage)} → ${labels.stage(application.type, d.toStage)}`,
                        opinion: d.opinion ?? "",
                      })),
                    ]}
                    rowKey={(r) => r.key}
                    columns={[
                      { id: "at", label: t("detail.when"), value: (r) => formatDateTime(r.at, locale) },
                      { id: "by", label: t("detail.who"), value: (r) => r.by },
                      { id: "what", label: t("detail.what"), value: (r) => r.what },
                      { id: "opinion", label: t("common.comment"), value: (r) => r.opinion },
                    ]}
                  />
                </Section>
              </div>
              {mayAct ? (
                <div className={styles.wide}>
                  <Section title={t("detail.decide")}>
                    <form
                      className={styles.form}
                      onSubmit={(e) => {
                        e.preventDefault();
                        decision.mutate({
                          applicationId,
                          expectedVersion: application.version,
                          action: chosen,
                          opinion: opinion || undefined,
                        });
                      }}
                    >
                      {atDraft ? null : (
                        <Field label={t("bulk.action")}>
                          <RadioGroup value={action} onChange={(_, d) => setAction(d.value as Action)} layout="horizontal">
                            <Radio value="advance" label={t("decision.advance")} />
                            <Radio value="return" label={t("decision.return")} />
                            <Radio value="reject" label={t("decision.reject")} />
                          </RadioGroup>
                        </Field>
                      )}
                      <Field label={t("common.comment")} required={chosen === "return" || chosen === "reject"}>
                        <Textarea value={opinion} onChange={(_, d) => setOpinion(d.value)} maxLength={2000} />
                      </Field>
                      {conflict ? (
                        <MessageBar intent="warning" layout="multiline">
                          <MessageBarBody>
                            <MessageBarTitle>{t("detail.conflictTitle")}</MessageBarTitle>
                            {t("detail.conflict")} {problemOf(decision.error).message}
                          </MessageBarBody>
                          <MessageBarActions>
                            <Button
                              onClick={() => {
                                decision.reset();
                                void timeline.refetch();
                              }}
                            >
                              {t("detail.reload")}
                            </Button>
                          </MessageBarActions>
                        </MessageBar>
                      ) : decision.error ? (
                        <ErrorBar error={decision.error} />
                      ) : null}
                      <div className={styles.actions}>
                        <Button
                          appearance="primary"
                          type="submit"
                          disabled={decision.isPending || ((chosen === "return" || chosen === "reject") && !opinion.trim())}
                        >
                          {t(`decision.${chosen}`)}
                        </Button>
                      </div>
                    </form>
                  </Section>
                </div>
              ) : null}
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
                changes={changes.map((c) => ({
                  field: t(`field.${c.field}`, { defaultValue: c.field }),
                  before: String(c.before ?? ""),
                  after: String(c.after ?? ""),
                }))}
              />
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}
