import "./registration-words";
import { Badge, Button, Dropdown, Field, MessageBar, MessageBarBody, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useReference } from "../../api/reference";
import {
  type CollegeRegistration,
  downloadRegistration,
  registrationDeadlinesQuery,
  registrationSummaryQuery,
} from "../../api/registration";
import { CollegePicker } from "../../components/college-picker";
import { LabelValueTable } from "../../components/label-value-table";
import { PageHeader } from "../../components/page-header";
import { ErrorBar, Loading, QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDate, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { useMay } from "../../shell/use-me";
import { NewStudents } from "./new-students";
import { ReturningRegistration } from "./returning-registration";
import type { RegistrationSearch } from "./search";

const routeApi = getRouteApi("/app/registration");

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  deadlines: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))", gap: tokens.spacingHorizontalL },
  deadline: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  number: { textAlign: "end", width: "96px", "& .fui-TableHeaderCell__button": { justifyContent: "flex-end" } },
  total: { fontWeight: tokens.fontWeightSemibold },
});

export function RegistrationPage() {
  return (
    <RequirePermission permission="registration.read">
      <Registration />
    </RequirePermission>
  );
}

/** The academic years the record has terms for, newest first, with the current one always among them. */
function yearsOf(terms: ReadonlyArray<{ academicYear: string }>, current: string | undefined): string[] {
  return [...new Set([...(current ? [current] : []), ...terms.map((t) => t.academicYear)])].sort().reverse();
}

function Registration() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/registration" });
  const reference = useReference().data;
  const setSearch = (next: Partial<RegistrationSearch>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const academicYear = search.academicYear ?? reference?.academicYear;
  const mayExport = useMay("exports.read");
  const download = useMutation({ mutationFn: () => downloadRegistration(academicYear as string, search.collegeId) });
  if (!academicYear) return <Loading />;
  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.registration")}>
        <Field label={t("registrationPage.year")}>
          <Dropdown
            value={academicYear}
            selectedOptions={[academicYear]}
            onOptionSelect={(_, d) => d.optionValue && setSearch({ academicYear: d.optionValue })}
          >
            {yearsOf(reference?.terms ?? [], reference?.academicYear).map((y) => (
              <Option key={y} value={y}>
                {y}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <CollegePicker value={search.collegeId} onChange={(collegeId) => setSearch({ collegeId })} />
        {mayExport ? (
          <Button
            icon={<ArrowDownloadRegular />}
            onClick={() => download.mutate()}
            disabled={download.isPending}
            title={t("registrationPage.exportHint")}
          >
            {t("registrationPage.export")}
          </Button>
        ) : null}
      </PageHeader>
      {download.error ? <ErrorBar error={download.error} /> : null}
      <Deadlines academicYear={academicYear} />
      <ByCollege academicYear={academicYear} collegeId={search.collegeId} />
      <NewStudents academicYear={academicYear} collegeId={search.collegeId} locale={locale} />
      <ReturningRegistration academicYear={academicYear} collegeId={search.collegeId} status={search.status} />
    </div>
  );
}

function Deadlines({ academicYear }: { academicYear: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const deadlines = useQuery(registrationDeadlinesQuery(academicYear));
  return (
    <Section title={t("registrationPage.deadlines")} note={t("registrationPage.deadlinesNote")}>
      <QueryState query={deadlines}>
        {(data) => (
          <>
            {data.warning ? (
              <MessageBar intent="warning">
                <MessageBarBody>{data.warning}</MessageBarBody>
              </MessageBar>
            ) : null}
            <div className={styles.deadlines} data-testid="registration-deadlines">
              {data.deadlines.map((d) => (
                <div key={d.key} className={styles.deadline}>
                  <Text weight="semibold">{d.name[locale]}</Text>
                  <Text>
                    {formatDate(d.date, locale)}{" "}
                    {d.provisional ? (
                      <Badge appearance="tint" color="warning">
                        {t("registrationPage.provisional")}
                      </Badge>
                    ) : null}{" "}
                    <Badge appearance="tint" color={d.passed ? "subtle" : d.workingDaysLeft <= 3 ? "danger" : "informative"}>
                      {d.passed ? t("registrationPage.passed") : t("registrationPage.left", { count: d.workingDaysLeft })}
                    </Badge>
                  </Text>
                  <Text className={styles.muted}>{d.source}</Text>
                </div>
              ))}
            </div>
          </>
        )}
      </QueryState>
    </Section>
  );
}

type Count = "registered" | "deferred" | "notYet" | "admitted" | "reported" | "enrolledNew";
const COUNTS: Count[] = ["registered", "deferred", "notYet", "admitted", "reported", "enrolledNew"];

function ByCollege({ academicYear, collegeId }: { academicYear: string; collegeId: number | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const summary = useQuery(registrationSummaryQuery(academicYear, collegeId));
  const grade = Number(academicYear.slice(0, 4));
  // Each number opens the students behind it: returning ones in this page's list, new ones on the students page.
  const link = (row: { collegeId?: number }, count: Count, n: number) => {
    const text = formatNumber(n, locale);
    if (n === 0) return text;
    const status = count === "registered" ? "registered" : count === "deferred" ? "deferred" : count === "notYet" ? "none" : undefined;
    if (status)
      return (
        <Link
          to="/registration"
          search={{ academicYear, collegeId: row.collegeId, status }}
          title={t("registrationPage.studentsLink", { count: n })}
        >
          {text}
        </Link>
      );
    const studentStatus = count === "admitted" ? "admitted" : count === "reported" ? "reported" : "enrolled";
    return (
      <Link
        to="/students"
        search={{ collegeId: row.collegeId, grade, status: studentStatus }}
        title={t("registrationPage.studentsLink", { count: n })}
      >
        {text}
      </Link>
    );
  };
  return (
    <Section title={t("registrationPage.byCollege", { year: academicYear })} note={t("registrationPage.byCollegeNote")}>
      <QueryState query={summary} isEmpty={(rows) => rows.length === 0} empty={<Text>{t("registrationPage.noColleges")}</Text>}>
        {(rows) => {
          const total = Object.fromEntries(COUNTS.map((c) => [c, rows.reduce((n, r) => n + r[c], 0)])) as Record<Count, number>;
          const all: Array<CollegeRegistration | (Record<Count, number> & { collegeId?: undefined; collegeName: string })> = [
            ...rows,
            ...(rows.length > 1 ? [{ ...total, collegeName: t("registrationPage.total") }] : []),
          ];
          return (
            <LabelValueTable
              label={t("registrationPage.byCollege", { year: academicYear })}
              rows={all}
              rowKey={(r) => r.collegeId ?? "total"}
              rowProps={(r) => ({ className: r.collegeId === undefined ? styles.total : undefined })}
              columns={[
                { id: "college", label: t("common.college"), value: (r) => r.collegeName },
                ...COUNTS.map((c) => ({
                  id: c,
                  label: t(`registrationPage.${c}`),
                  className: styles.number,
                  value: (r: Record<Count, number> & { collegeId?: number }) => link(r, c, r[c]),
                })),
              ]}
            />
          );
        }}
      </QueryState>
    </Section>
  );
}
