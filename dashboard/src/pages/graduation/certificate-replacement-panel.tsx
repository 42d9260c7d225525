import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { DocumentAddRegular, SearchRegular } from "@fluentui/react-icons";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CERTIFICATE_REPLACEMENT_FEE_YUAN, DEFAULT_WORKFLOWS, requiredMaterials } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fileApplication } from "../../api/applications";
import { invalidate } from "../../api/query";
import { studentCardQuery, studentSearchQuery } from "../../api/students";
import { Empty, ErrorBar, QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useMay } from "../../shell/use-me";
import { ReplacementList } from "./replacement-list";

const WORKFLOW = DEFAULT_WORKFLOWS["certificate-replacement"];
/** The one reason seed 000 四 knows: the 学历证书 is lost. */
const REASON = "lost";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  hits: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, border: "none", margin: 0, padding: 0 },
  legend: { width: "100%", marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  number: { fontFamily: tokens.fontFamilyMonospace },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
});

/**
 * 补发毕业证明书 (seed 000 四, seed 002 三.3, seed 003 第十七条 “学历证书遗失的由学校出具相应的证明书”): the registrar
 * finds the graduate, sees the certificate the paper will name, files the application; the list below
 * follows each one through its chain to the printed 证明书.
 */
export function CertificateReplacementPanel() {
  const { t } = useTranslation();
  const styles = useStyles();
  const mayFile = useMay("applications.file");
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState("");
  const [studentNo, setStudentNo] = useState<string | null>(null);
  const hits = useInfiniteQuery({ ...studentSearchQuery(query, undefined), enabled: query !== "" });
  const rows = hits.data?.pages.flatMap((p) => p.items) ?? [];
  const search = () => {
    setStudentNo(null);
    setQuery(typed.trim());
  };
  return (
    <div className={styles.stack}>
      {mayFile ? (
        <Section
          title={t("gradYear.replacement.fileTitle")}
          note={t("gradYear.replacement.fileNote", { fee: CERTIFICATE_REPLACEMENT_FEE_YUAN })}
        >
          <form
            className={styles.row}
            onSubmit={(e) => {
              e.preventDefault();
              search();
            }}
          >
            <Field label={t("gradYear.replacement.search")}>
              <Input value={typed} onChange={(_, d) => setTyped(d.value)} maxLength={40} />
            </Field>
            <Button type="submit" icon={<SearchRegular />} disabled={typed.trim() === ""}>
              {t("gradYear.replacement.find")}
            </Button>
          </form>
          {query === "" ? null : (
            <QueryState query={hits} isEmpty={() => rows.length === 0} empty={<Empty title={t("gradYear.replacement.noHit", { query })} />}>
              {() => (
                <fieldset className={styles.hits}>
                  <legend className={styles.legend}>{t("gradYear.replacement.hits")}</legend>
                  {rows.map((s) => (
                    <Button
                      key={s.studentNo}
                      appearance={s.studentNo === studentNo ? "primary" : "secondary"}
                      aria-pressed={s.studentNo === studentNo}
                      onClick={() => setStudentNo(s.studentNo)}
                    >
                      {t("gradYear.replacement.hit", s)}
                    </Button>
                  ))}
                </fieldset>
              )}
            </QueryState>
          )}
          {studentNo ? <Filing key={studentNo} studentNo={studentNo} onFiled={() => setStudentNo(null)} /> : null}
        </Section>
      ) : null}
      <ReplacementList />
    </div>
  );
}

/** The chosen graduate's certificate and the filing itself, refused here as the server would refuse it. */
function Filing({ studentNo, onFiled }: { studentNo: string; onFiled: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const card = useQuery(studentCardQuery(studentNo));
  const file = useMutation({
    mutationFn: () =>
      fileApplication({
        studentNo,
        type: "certificate-replacement",
        reasonCode: REASON,
        materials: requiredMaterials(WORKFLOW, REASON),
      }),
    onSuccess: () => invalidate(queryClient, "applications", "studentSearch"),
  });
  if (file.data)
    return (
      <MessageBar intent="success">
        <MessageBarBody role="status">
          {t("gradYear.replacement.filed", { id: file.data.id })}{" "}
          <Link to="/applications/$id" params={{ id: String(file.data.id) }} onClick={onFiled}>
            {t("gradYear.replacement.open")}
          </Link>
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <QueryState query={card}>
      {({ student, certificates }) => {
        const held = certificates.find((c) => c.voidedOn === null);
        const graduated = student.status === "graduated" || student.status === "completed";
        const refusal = !graduated
          ? t("gradYear.replacement.notGraduate", { name: student.name })
          : !held
            ? certificates.length
              ? t("gradYear.replacement.allVoided", { name: student.name })
              : t("gradYear.replacement.noCertificate", { name: student.name })
            : null;
        return (
          <div className={styles.stack}>
            {held ? (
              <div>
                <Text weight="semibold">{t("gradYear.replacement.held")}</Text>
                <dl className={styles.facts}>
                  <dt className={styles.term}>{t("gradYear.replacement.student")}</dt>
                  <dd className={styles.value}>{`${student.studentNo} ${student.name}`}</dd>
                  <dt className={styles.term}>{t("gradYear.certificates.col.certificateNo")}</dt>
                  <dd className={mergeClasses(styles.value, styles.number)}>{held.certificateNo}</dd>
                  <dt className={styles.term}>{t("gradYear.certificates.col.kind")}</dt>
                  <dd className={styles.value}>{t(`gradYear.certificates.kindValue.${held.kind}`, { defaultValue: held.kind })}</dd>
                  <dt className={styles.term}>{t("gradYear.certificates.col.issueDate")}</dt>
                  <dd className={styles.value}>{formatDate(held.issueDate, locale)}</dd>
                </dl>
              </div>
            ) : null}
            {refusal ? (
              <MessageBar intent="warning">
                <MessageBarBody role="alert">{refusal}</MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <Text>{t("gradYear.replacement.fee", { fee: CERTIFICATE_REPLACEMENT_FEE_YUAN })}</Text>
                {file.error ? <ErrorBar error={file.error} /> : null}
                <div className={styles.row}>
                  <Button appearance="primary" icon={<DocumentAddRegular />} disabled={file.isPending} onClick={() => file.mutate()}>
                    {t("gradYear.replacement.fileButton")}
                  </Button>
                </div>
              </>
            )}
          </div>
        );
      }}
    </QueryState>
  );
}
