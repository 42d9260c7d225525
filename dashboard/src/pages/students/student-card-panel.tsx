import { Badge, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { labelsOf, useReference } from "../../api/reference";
import { studentCardQuery } from "../../api/students";
import { LabelValueTable } from "../../components/label-value-table";
import { QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDate, formatDateTime } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useMay } from "../../shell/use-me";
import { fieldLabelOf, valueLabelOf } from "../applications/value-label";
import { FreezeNotice } from "./freeze-notice";
import { StudentDocuments } from "./student-documents";
import { StudentPhoto } from "./student-photo";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr max-content 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Columns as wide as their content: an 18-digit certificate number is never cut or overlapped.
  certificates: { tableLayout: "auto", whiteSpace: "nowrap" },
});

/**
 * A student's card: the record (ID masked where the role must not see it), status history, applications,
 * standing — and, for who may issue them, the student's 在读证明/学历证明 with 补打.
 */
export function StudentCardPanel({ studentNo, onClose }: { studentNo: string; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const reference = useReference().data;
  const labels = labelsOf(reference, locale);
  const card = useQuery(studentCardQuery(studentNo));
  // What changed reads in words, as on the notice: 在读 → 休学, 计科2402 → 计科2501, 2028/06/30.
  const fieldValue = valueLabelOf(t, reference, locale, card.data?.classes);
  const fieldLabel = fieldLabelOf(t, locale);
  const mayIssueDocuments = useMay("documents.issue");
  return (
    <Section
      title={t("students.card", { studentNo })}
      actions={<Button appearance="subtle" icon={<DismissRegular />} aria-label={t("common.close")} onClick={onClose} />}
    >
      <QueryState query={card}>
        {(c) => (
          <div className={styles.stack}>
            <dl className={styles.facts} data-testid="student-card">
              {(
                [
                  ["applications.col.name", c.student.name],
                  ["applications.col.studentNo", c.student.studentNo],
                  ["students.documentType", c.student.documentType],
                  ["students.idNumber", c.student.idNumber],
                  ["students.birthDate", formatDate(c.student.birthDate, locale)],
                  ["applications.col.college", c.collegeName],
                  ["students.major", c.majorName],
                  ["students.class", c.className ?? "—"],
                  ["students.grade", c.student.grade],
                  ["students.status", t(`studentStatus.${c.student.status}`, { defaultValue: c.student.status })],
                  ["students.expectedGraduation", formatDate(c.student.expectedGraduationDate, locale)],
                ] as const
              ).map(([key, value]) => (
                <div key={key} style={{ display: "contents" }}>
                  <dt className={styles.dt}>{t(key)}</dt>
                  <dd className={styles.dd}>{value}</dd>
                </div>
              ))}
            </dl>
            {c.student.idNumberMasked ? <Text size={200}>{t("students.masked")}</Text> : null}
            {c.freeze ? <FreezeNotice studentNo={c.student.studentNo} freeze={c.freeze} /> : null}
            <StudentPhoto studentNo={c.student.studentNo} name={c.student.name} />
            <Text weight="semibold">{t("students.history")}</Text>
            {c.history.length ? (
              <LabelValueTable
                label={t("students.history")}
                rows={c.history}
                rowKey={(h) => h.id}
                columns={[
                  { id: "at", label: t("detail.when"), value: (h) => formatDateTime(h.at, locale) },
                  { id: "field", label: t("detail.field"), value: (h) => fieldLabel(h.field) },
                  { id: "before", label: t("detail.before"), value: (h) => fieldValue(h.field, h.before) },
                  { id: "after", label: t("detail.after"), value: (h) => fieldValue(h.field, h.after) },
                  { id: "noticeNo", label: t("applications.col.noticeNo"), value: (h) => h.noticeNo ?? "" },
                ]}
              />
            ) : (
              <Text>{t("students.noHistory")}</Text>
            )}
            <Text weight="semibold">{t("nav.applications")}</Text>
            {c.applications.length ? (
              <ul>
                {c.applications.map((a) => (
                  <li key={a.id}>
                    <Link to="/applications/$id" params={{ id: String(a.id) }}>
                      #{a.id} {labels.type(a.type)} · {labels.stage(a.type, a.stage)}
                    </Link>{" "}
                    {a.noticeNo ? <Badge appearance="outline">{a.noticeNo}</Badge> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <Text>{t("applications.none")}</Text>
            )}
            {c.pending.length ? (
              <>
                <Text weight="semibold">{t("nav.standing")}</Text>
                <ul>
                  {c.pending.map((p) => (
                    <li key={p.id}>
                      {p.academicYear} {p.termCode} {t(`standingKind.${p.kind}`, { defaultValue: p.kind })} ·{" "}
                      {t(`pendingState.${p.state}`, { defaultValue: p.state })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {c.certificates.length ? (
              <>
                <Text weight="semibold">{t("students.certificates")}</Text>
                <LabelValueTable
                  className={styles.certificates}
                  label={t("students.certificates")}
                  rows={c.certificates}
                  rowKey={(x) => x.certificateNo}
                  columns={[
                    { id: "no", label: t("students.certificateCols.no"), value: (x) => x.certificateNo },
                    {
                      id: "kind",
                      label: t("students.certificateCols.kind"),
                      value: (x) => t(`students.certificateKind.${x.kind}`, { defaultValue: x.kind }),
                    },
                    { id: "issued", label: t("students.certificateCols.issued"), value: (x) => formatDate(x.issueDate, locale) },
                    {
                      id: "degree",
                      label: t("students.certificateCols.degree"),
                      value: (x) =>
                        !x.degreeAwarded
                          ? t("students.degreeNone")
                          : x.degreeAwardedOn
                            ? t("students.degreeLater", { date: formatDate(x.degreeAwardedOn, locale) })
                            : t("students.degreeAwarded"),
                    },
                    {
                      id: "state",
                      label: t("students.certificateCols.state"),
                      // seed 003 第十四条: one certificate per student — a replaced one (结业换毕业) is void.
                      value: (x) =>
                        x.voidedOn ? (
                          <Badge appearance="tint" color="danger">
                            {t("students.certificateVoided", { date: formatDate(x.voidedOn, locale) })}
                          </Badge>
                        ) : (
                          t("students.certificateLive")
                        ),
                    },
                  ]}
                />
              </>
            ) : null}
            {mayIssueDocuments ? <StudentDocuments studentNo={c.student.studentNo} /> : null}
          </div>
        )}
      </QueryState>
    </Section>
  );
}
