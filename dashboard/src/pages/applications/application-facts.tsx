import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { currentDeadline, isOverdue } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import type { Timeline } from "../../api/applications";
import { useReference } from "../../api/reference";
import { studentCardQuery } from "../../api/students";
import { LabelValueTable } from "../../components/label-value-table";
import { Section } from "../../components/section";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useDeadlineRule } from "./deadline-text";
import { fieldLabelOf, valueLabelOf } from "./value-label";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
});

/** The student and the application: who, why, the period (休学), the deadline it runs against now. */
export function ApplicationFacts({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const reference = useReference().data;
  const rule = useDeadlineRule();
  const { application, student, workflow } = timeline;
  const card = useQuery({ ...studentCardQuery(student?.studentNo ?? ""), enabled: !!student?.studentNo });
  const reason = workflow.reasons.find((r) => r.code === application.reasonCode);
  const deadline = currentDeadline(application);
  const fact = (label: string, value: React.ReactNode) => (
    <>
      <dt className={styles.dt}>{label}</dt>
      <dd className={styles.dd}>{value}</dd>
    </>
  );
  return (
    <Section title={t("detail.student")}>
      <dl className={styles.facts}>
        {fact(
          t("applications.col.studentNo"),
          <Link to="/students" search={{ q: student?.studentNo, open: student?.studentNo }}>
            {student?.studentNo}
          </Link>,
        )}
        {fact(t("applications.col.name"), student?.name)}
        {card.data ? (
          <>
            {fact(t("applications.col.college"), card.data.collegeName)}
            {fact(t("students.major"), card.data.majorName)}
            {fact(t("students.grade"), card.data.student.grade)}
            {fact(t("students.status"), valueLabelOf(t, reference, locale)("status", card.data.student.status))}
          </>
        ) : null}
        {fact(t("applications.col.reason"), reason?.name[locale] ?? application.reasonCode)}
        {workflow.period
          ? fact(
              t("journey.period.label"),
              application.periodStartsOn && application.periodEndsOn ? (
                t("journey.period.value", {
                  from: formatDate(application.periodStartsOn, locale),
                  to: formatDate(application.periodEndsOn, locale),
                })
              ) : (
                <Text style={{ color: tokens.colorPaletteRedForeground1 }}>{t("detail.missing")}</Text>
              ),
            )
          : null}
        {fact(
          t("journey.deadline.label"),
          deadline ? (
            <span data-testid="application-deadline">
              {rule(deadline)}
              {isOverdue(application, reference?.today ?? "") ? (
                <Badge appearance="filled" color="danger" size="small" style={{ marginLeft: 4 }}>
                  {t("journey.deadline.overdue")}
                </Badge>
              ) : null}
            </span>
          ) : application.state === "open" && application.stage === "draft" ? (
            t("journey.deadline.none")
          ) : (
            formatDate(application.dueOn, locale) || "—"
          ),
        )}
        {application.note ? fact(t("file.note"), application.note) : null}
      </dl>
    </Section>
  );
}

/** What the change altered, field by field, by names (在读 → 休学); before execution, what it asks for. */
export function ChangesSection({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reference = useReference().data;
  const valueLabel = valueLabelOf(t, reference, locale, timeline.classes);
  const fieldLabel = fieldLabelOf(t, locale);
  const { application, changes } = timeline;
  const requested = Object.entries(application.changes ?? {});
  return (
    <Section title={t("detail.changes")}>
      {changes.length ? (
        <LabelValueTable
          label={t("detail.changes")}
          rows={changes}
          rowKey={(c) => c.id}
          columns={[
            { id: "field", label: t("detail.field"), value: (c) => fieldLabel(c.field) },
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
            { id: "field", label: t("detail.field"), value: ([field]) => fieldLabel(field) },
            { id: "requested", label: t("detail.requested"), value: ([field, value]) => valueLabel(field, value) },
          ]}
        />
      ) : (
        <Text>{t("detail.noChanges")}</Text>
      )}
    </Section>
  );
}
