import { Button, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ArrowUploadRegular } from "@fluentui/react-icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { entryByCode, LEVEL, ORG_ENTITY_LABELS, ORG_FIELD_LABELS } from "@xueji/shared";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { importOrganisation, type OrgImportReport } from "../../api/organisation";
import { LabelValueTable } from "../../components/label-value-table";
import { ErrorBar } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";
import { refreshOrganisation } from "./row-actions";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "60rem" },
  bar: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** A major's key is its code and level (050201|05): shown as 050201 · 本科. */
function keyLabel(key: string): string {
  const [code, level] = key.split("|");
  return level ? `${code} · ${entryByCode(LEVEL, level)?.name ?? level}` : key;
}

/** The organisation sheet: choose a file, dry run (what would change, errors at their cells), then confirm. */
export function ImportTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const inputId = useId();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => importOrganisation(file as File, dryRun),
    onSuccess: async (report) => {
      if (report.applied) await refreshOrganisation(queryClient);
    },
  });
  const report: OrgImportReport | undefined = run.data;
  const changed = report ? report.changes.filter((c) => c.action !== "unchanged") : [];
  return (
    <div className={styles.stack}>
      <Text>{t("orgPage.importIntro")}</Text>
      <div>
        <Text weight="semibold">{t("orgPage.templateColumns")}</Text>
        <ul className={styles.list}>
          {(["college", "major", "class", "term"] as const).map((e) => (
            <li key={e}>{t(`orgPage.template_${e}`)}</li>
          ))}
        </ul>
      </div>
      <div className={styles.bar}>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept=".xlsx,.xlsm,.csv"
          className={styles.hidden}
          aria-label={t("orgPage.chooseFile")}
          tabIndex={-1}
          data-testid="org-import-file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            run.reset();
          }}
        />
        <Button icon={<ArrowUploadRegular />} onClick={() => input.current?.click()}>
          {t("orgPage.chooseFile")}
        </Button>
        {file ? <Text>{t("orgPage.fileChosen", { name: file.name })}</Text> : null}
        <Button disabled={!file || run.isPending} onClick={() => run.mutate({ dryRun: true })}>
          {t("orgPage.dryRun")}
        </Button>
        <Button
          appearance="primary"
          disabled={!file || run.isPending || !report?.dryRun || report.problems.length > 0}
          onClick={() => run.mutate({ dryRun: false })}
        >
          {t("orgPage.confirm")}
        </Button>
      </div>
      {run.error ? <ErrorBar error={run.error} /> : null}
      {report && report.problems.length > 0 ? (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{t("orgPage.problems", { count: report.problems.length })}</MessageBarBody>
          </MessageBar>
          <LabelValueTable
            label={t("orgPage.problems", { count: report.problems.length })}
            rows={report.problems}
            rowKey={(_, i) => i}
            columns={[
              { id: "sheet", label: t("orgPage.sheet"), value: (p) => p.sheet },
              { id: "row", label: t("orgPage.row"), value: (p) => p.row },
              { id: "column", label: t("orgPage.column"), value: (p) => p.column ?? "" },
              { id: "message", label: t("orgPage.message"), value: (p) => p.message[locale] },
            ]}
          />
        </>
      ) : null}
      {report && report.problems.length === 0 ? (
        <MessageBar intent={report.applied ? "success" : "info"}>
          <MessageBarBody data-testid="org-import-summary">
            {t(report.applied ? "orgPage.importDone" : "orgPage.wouldDo", report.counts)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {report && report.problems.length === 0 && changed.length > 0 ? (
        <LabelValueTable
          label={t("orgPage.change")}
          rows={changed}
          rowKey={(c) => `${c.entity}-${c.key}`}
          columns={[
            { id: "entity", label: t("orgPage.entity"), value: (c) => ORG_ENTITY_LABELS[c.entity][locale] },
            { id: "key", label: t("orgPage.key"), value: (c) => keyLabel(c.key) },
            { id: "name", label: t("orgPage.name"), value: (c) => c.name },
            { id: "action", label: t("orgPage.change"), value: (c) => t(`orgPage.${c.action}_`) },
            {
              id: "fields",
              label: t("orgPage.fields"),
              value: (c) =>
                c.fields
                  .map(
                    (f) =>
                      `${ORG_FIELD_LABELS[f.field]?.[locale] ?? f.field}：${keyLabel(String(f.before ?? "—"))} → ${keyLabel(String(f.after ?? "—"))}`,
                  )
                  .join(locale === "en" ? "; " : "；"),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
