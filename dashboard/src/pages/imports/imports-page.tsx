import "./imports-words";
import {
  Badge,
  Button,
  Field,
  Input,
  Label,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link as RouterLink, useNavigate } from "@tanstack/react-router";
import { DEFAULT_STUDENT_NO_PATTERN, FIELD_LABELS, formatMessage, type ImportKind, type IssueCode } from "@xueji/shared";
import { useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { commitImport, type ImportReport, importQuery, importsQuery, previewImport } from "../../api/imports";
import { invalidate } from "../../api/query";
import { LabelValueTable } from "../../components/label-value-table";
import { PageHeader } from "../../components/page-header";
import { Empty, ErrorBar, QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDateTime, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { useMay } from "../../shell/use-me";
import { compact } from "../../url/search-values";

const routeApi = getRouteApi("/app/imports");
const KINDS: ImportKind[] = ["students", "admissions", "results", "users"];
const SEVERITIES = ["all", "error", "warning", "info"] as const;
const SHOWN = 500;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "flex-end" },
  wide: { minWidth: "320px" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
  changed: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  before: { color: tokens.colorPaletteRedForeground1, textDecorationLine: "line-through" },
  after: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  chosen: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  // Visually hidden, still in the accessibility tree and labelled (our button opens it).
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
});

export function ImportsPage() {
  return (
    <RequirePermission permission="imports.write">
      <Imports />
    </RequirePermission>
  );
}

function Imports() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/imports" });
  const queryClient = useQueryClient();
  const id = search.id ? Number(search.id) : null;
  const mayExport = useMay("exports.read");
  const shown = useQuery({ ...importQuery(id ?? 0), enabled: id !== null });
  const [passwords, setPasswords] = useState<{
    list: Array<{ username: string; displayName: string; password: string }>;
    xlsx: string | null;
  } | null>(null);
  const commit = useMutation({
    mutationFn: commitImport,
    onSuccess: async (done) => {
      setPasswords(done.passwords.length ? { list: done.passwords, xlsx: done.passwordsXlsx } : null);
      // The record changed: every list that shows students, results or accounts.
      await invalidate(queryClient, "imports", "students", "studentSearch", "users", "graduation", "reports", "insights");
    },
  });
  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.imports")}>
        {mayExport ? (
          <Button as="a" href="/api/export/record.xlsx" icon={<ArrowDownloadRegular />}>
            {t("importsPage.exportAll")}
          </Button>
        ) : null}
      </PageHeader>
      <NewImport
        onPreviewed={(previewed) => {
          setPasswords(null);
          commit.reset();
          void invalidate(queryClient, "imports");
          void navigate({ search: compact({ id: String(previewed) }) });
        }}
      />
      {id !== null ? (
        <QueryState query={shown}>
          {(data) => (
            <ReportView
              report={data.report}
              committed={data.status === "committed"}
              action={
                data.status === "previewed" && data.report.errors === 0 ? (
                  <Button appearance="primary" disabled={commit.isPending} onClick={() => commit.mutate({ id })}>
                    {commit.isPending ? t("importsPage.confirming") : t("importsPage.confirm")}
                  </Button>
                ) : null
              }
              notice={
                <>
                  {commit.error ? <ErrorBar error={commit.error} /> : null}
                  {commit.data ? (
                    <MessageBar intent="success">
                      <MessageBarBody>
                        {t("importsPage.committed", {
                          create: formatNumber(commit.data.report.create, locale),
                          update: formatNumber(commit.data.report.update, locale),
                          unchanged: formatNumber(commit.data.report.unchanged, locale),
                        })}
                      </MessageBarBody>
                    </MessageBar>
                  ) : null}
                  {passwords ? <Passwords list={passwords.list} xlsx={passwords.xlsx} /> : null}
                </>
              }
            />
          )}
        </QueryState>
      ) : null}
      <History />
    </div>
  );
}

function NewImport({ onPreviewed }: { onPreviewed: (id: number) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const mayUsers = useMay("users.manage");
  const mayOrganisation = useMay("organisation.write");
  const kinds = KINDS.filter((k) => k !== "users" || mayUsers);
  const [kind, setKind] = useState<ImportKind>("students");
  const [pattern, setPattern] = useState(DEFAULT_STUDENT_NO_PATTERN);
  const [file, setFile] = useState<File | null>(null);
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const preview = useMutation({
    mutationFn: () => previewImport(kind, file as File, kind === "admissions" ? pattern : null),
    onSuccess: (done) => onPreviewed(done.id),
  });
  return (
    <Section title={t("importsPage.newImport")} note={t("importsPage.newImportNote")}>
      {mayOrganisation ? (
        // The organisation's own sheets (学院/专业/班级/学期) come in where the organisation is kept, through the same dry run.
        <Text>
          {t("importsPage.organisationFirst")}{" "}
          <RouterLink to="/organisation" search={{ tab: "import" }}>
            {t("importsPage.organisationLink")}
          </RouterLink>
        </Text>
      ) : null}
      <div className={styles.form}>
        <Field label={t("importsPage.kind")} hint={t(`importsPage.kindHints.${kind}`)} className={styles.wide}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as ImportKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`importsPage.kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {kind === "admissions" ? (
          <Field label={t("importsPage.pattern")} hint={t("importsPage.patternHint")} className={styles.wide}>
            <Input value={pattern} onChange={(_, d) => setPattern(d.value)} />
          </Field>
        ) : null}
        <div className={styles.file}>
          <Label htmlFor={fileId}>{t("importsPage.file")}</Label>
          {/* The browser's own file button speaks the browser's language: ours says 选择文件 to a Chinese reader. */}
          <input
            ref={input}
            id={fileId}
            className={styles.hiddenInput}
            tabIndex={-1}
            type="file"
            accept=".xlsx,.xlsm,.csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <div className={styles.chosen}>
            <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
              {t("importsPage.choose")}
            </Button>
            <Text>{file ? file.name : t("importsPage.noFile")}</Text>
          </div>
        </div>
        <Button
          appearance="primary"
          disabled={!file || preview.isPending}
          onClick={() => preview.mutate()}
          icon={preview.isPending ? <Spinner size="tiny" /> : undefined}
        >
          {preview.isPending ? t("importsPage.previewing") : t("importsPage.preview")}
        </Button>
      </div>
      {/* The server's own words (and request id) when it refused the file; ours when it could not be reached. */}
      {preview.error ? <ErrorBar error={preview.error} title={t("importsPage.previewFailed")} /> : null}
    </Section>
  );
}

function ReportView({
  report,
  committed,
  action,
  notice,
}: {
  report: ImportReport;
  committed: boolean;
  action: React.ReactNode;
  notice: React.ReactNode;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const locale = useLocale();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/imports" });
  const severity = SEVERITIES.includes(search.severity as (typeof SEVERITIES)[number])
    ? (search.severity as (typeof SEVERITIES)[number])
    : "all";
  const q = (search.q ?? "").trim().toLowerCase();
  const label = (field: string | null) =>
    field ? (FIELD_LABELS[field as keyof typeof FIELD_LABELS]?.[locale] ?? (field === "username" ? t("importsPage.key") : field)) : "";
  const issues = useMemo(
    () =>
      report.issues
        .map((issue, index) => ({ ...issue, index, text: formatMessage(issue.code as IssueCode, issue.params, locale) }))
        .filter((i) => (severity === "all" || i.severity === severity) && (!q || i.text.toLowerCase().includes(q))),
    [report.issues, severity, q, locale],
  );
  const changes = useMemo(
    () => report.changes.filter((c) => !q || c.key.toLowerCase().includes(q) || c.name.toLowerCase().includes(q)),
    [report.changes, q],
  );
  const setSearch = (next: { severity?: string; q?: string }) => navigate({ search: (s) => compact({ ...s, ...next }), replace: true });
  const n = (x: number) => formatNumber(x, locale);
  return (
    <Section
      title={`${committed ? t("importsPage.committedReport") : t("importsPage.report")} · ${report.fileName}`}
      note={t("importsPage.summary", {
        rows: n(report.rows),
        create: n(report.create),
        update: n(report.update),
        unchanged: n(report.unchanged),
        errors: n(report.errors),
      })}
      actions={action}
    >
      {notice}
      {committed ? null : report.errors > 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>{t("importsPage.hasErrors", { n: n(report.errors) })}</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{t("importsPage.ready")}</MessageBarBody>
        </MessageBar>
      )}
      {report.missing.colleges.length + report.missing.majors.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("importsPage.missing")}：
            {report.missing.colleges.length ? `${t("importsPage.missingColleges")} ${report.missing.colleges.join("、")}；` : ""}
            {report.missing.majors.length ? `${t("importsPage.missingMajors")} ${report.missing.majors.join("、")}` : ""}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {report.newClasses.length ? (
        <Text>
          {t("importsPage.newClasses")}：{report.newClasses.join("、")}
        </Text>
      ) : null}
      <div className={styles.filters}>
        <Field label={t("importsPage.severity")}>
          <Select value={severity} onChange={(_, d) => setSearch({ severity: d.value === "all" ? undefined : d.value })}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`importsPage.severities.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("importsPage.filter")}>
          <Input value={search.q ?? ""} onChange={(_, d) => setSearch({ q: d.value || undefined })} />
        </Field>
      </div>
      <Text weight="semibold">
        {t("importsPage.issues")} ·{" "}
        {t("importsPage.issuesShown", { shown: n(Math.min(issues.length, SHOWN)), total: n(report.issuesTotal) })}
      </Text>
      {issues.length === 0 ? (
        <Empty title={t("importsPage.noIssues")} />
      ) : (
        <LabelValueTable
          label={t("importsPage.issues")}
          rows={issues.slice(0, SHOWN)}
          rowKey={(i) => i.index}
          rowProps={(i) => ({ "data-testid": `issue-${i.column ?? ""}${i.row ?? ""}` })}
          columns={[
            {
              id: "cell",
              label: t("importsPage.cell"),
              value: (i) => <span className={styles.mono}>{`${i.column ?? ""}${i.row ?? ""}`}</span>,
            },
            {
              id: "severity",
              label: t("importsPage.severity"),
              value: (i) => (
                <Badge appearance="tint" color={i.severity === "error" ? "danger" : i.severity === "warning" ? "warning" : "informative"}>
                  {t(`importsPage.severities.${i.severity}`)}
                </Badge>
              ),
            },
            { id: "field", label: t("importsPage.field"), value: (i) => label(i.field) },
            { id: "message", label: t("importsPage.message"), value: (i) => i.text },
          ]}
        />
      )}
      <Text weight="semibold">{committed ? t("importsPage.changesDone") : t("importsPage.changes")}</Text>
      {changes.length === 0 ? (
        <Empty title={t("importsPage.noChanges")} />
      ) : (
        <LabelValueTable
          label={t("importsPage.changes")}
          rows={changes.slice(0, SHOWN)}
          rowKey={(c, i) => `${c.row}-${i}`}
          rowProps={(c) => ({ "data-testid": `change-${c.key}` })}
          columns={[
            { id: "key", label: t("importsPage.key"), value: (c) => <span className={styles.mono}>{c.key}</span> },
            { id: "name", label: t("importsPage.name"), value: (c) => c.name },
            {
              id: "action",
              label: t("importsPage.action"),
              value: (c) => (
                <Badge appearance="tint" color={c.action === "create" ? "success" : "brand"}>
                  {t(`importsPage.actions.${c.action}`)}
                </Badge>
              ),
            },
            {
              id: "fields",
              label: t("importsPage.fields"),
              value: (c) => (
                <div className={styles.changed}>
                  {c.fields.map((f) => (
                    <span key={f.field}>
                      {label(f.field)}：<span className={styles.before}>{f.before ?? t("importsPage.blank")}</span> →{" "}
                      <span className={styles.after}>{f.after ?? t("importsPage.blank")}</span>
                    </span>
                  ))}
                </div>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}

function Passwords({ list, xlsx }: { list: Array<{ username: string; displayName: string; password: string }>; xlsx: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const download = () => {
    if (!xlsx) return;
    const bytes = Uint8Array.from(atob(xlsx), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "临时密码.xlsx";
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <div className={styles.changed}>
          <Text weight="semibold">{t("importsPage.passwords")}</Text>
          <LabelValueTable
            label={t("importsPage.passwords")}
            rows={list}
            rowKey={(p) => p.username}
            columns={[
              { id: "u", label: t("importsPage.key"), value: (p) => <span className={styles.mono}>{p.username}</span> },
              { id: "n", label: t("importsPage.name"), value: (p) => p.displayName },
              { id: "p", label: "", value: (p) => <span className={styles.mono}>{p.password}</span> },
            ]}
          />
          <div>
            <Button icon={<ArrowDownloadRegular />} onClick={download}>
              {t("importsPage.downloadPasswords")}
            </Button>
          </div>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

function History() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate({ from: "/imports" });
  const list = useInfiniteQuery(importsQuery());
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const n = (x: number) => formatNumber(x, locale);
  return (
    <Section title={t("importsPage.history")}>
      <QueryState query={list} isEmpty={() => items.length === 0} empty={<Empty title={t("importsPage.noHistory")} />}>
        {() => (
          <LabelValueTable
            label={t("importsPage.history")}
            rows={items}
            rowKey={(i) => i.id}
            rowProps={(i) => ({ "data-testid": `import-${i.id}` })}
            columns={[
              { id: "when", label: t("importsPage.when"), value: (i) => formatDateTime(i.committedAt ?? i.previewedAt, locale) },
              { id: "kind", label: t("importsPage.kind"), value: (i) => t(`importsPage.kinds.${i.kind}`) },
              {
                id: "file",
                label: t("importsPage.download"),
                value: (i) => <Link href={`/api/imports/file?id=${i.id}`}>{i.fileName}</Link>,
              },
              { id: "who", label: t("importsPage.who"), value: (i) => i.by },
              {
                id: "status",
                label: t("importsPage.status"),
                value: (i) => (
                  <Badge appearance="tint" color={i.status === "committed" ? "success" : "subtle"}>
                    {t(`importsPage.statuses.${i.status}`)}
                  </Badge>
                ),
              },
              {
                id: "counts",
                label: t("importsPage.counts"),
                value: (i) => `${n(i.create)} / ${n(i.update)} / ${n(i.unchanged)} / ${n(i.errors)}`,
              },
              {
                id: "open",
                label: t("importsPage.open"),
                value: (i) => (
                  // Every row's button says 查看: its name also says which file, for a screen reader's list of buttons.
                  <Button
                    size="small"
                    aria-label={`${t("importsPage.open")} ${i.fileName}`}
                    onClick={() => navigate({ search: compact({ id: String(i.id) }) })}
                  >
                    {t("importsPage.open")}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {list.hasNextPage ? (
        <Button disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t("state.loadingMore") : t("state.loadMore")}
        </Button>
      ) : null}
    </Section>
  );
}
