import { Button, Field, MessageBar, MessageBarBody, makeStyles, Text, Textarea, tokens } from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { checkSetting, publishSetting, type SettingKindName, type SettingVersionRow } from "../../api/settings";
import { ErrorBar } from "../../components/page-state";
import { Section } from "../../components/section";
import { useLocale } from "../../i18n/use-locale";
import { diffValues, type FieldIssue, type JsonSchema, SchemaForm } from "../../schema-form";
import { ChangeList } from "./change-list";
import { dropDraft, loadDraft, saveDraft } from "./draft-store";
import { StandingPreview } from "./standing-preview";
import { YearSelect } from "./year-select";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  publish: { display: "grid", gridTemplateColumns: "minmax(12rem, 16rem) 1fr", gap: tokens.spacingHorizontalL, alignItems: "start" },
  muted: { color: tokens.colorNeutralForeground3 },
  publishAction: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
});

export interface EditorProps {
  kind: SettingKindName;
  settingKey: string;
  schema: JsonSchema;
  /** The newest version (the draft starts from it and is compared with it). */
  latest: SettingVersionRow;
  canWrite: boolean;
  years: string[];
  currentYear: string;
}

type Outcome = { kind: "published"; version: number; year: string } | { kind: "invalid"; count: number } | { kind: "valid" } | null;

/**
 * Draft → check → preview → publish. The draft is edited in the form generated from the kind's schema
 * and kept in the browser; publishing sends it with the academic year it takes effect from and a reason.
 */
export function SettingEditor({ kind, settingKey, schema, latest, canWrite, years, currentYear }: EditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const stored = loadDraft(kind, settingKey);
  const [value, setValue] = useState<unknown>(() => (canWrite && stored ? stored.value : latest.value));
  const [baseVersion, setBaseVersion] = useState(canWrite && stored ? stored.baseVersion : latest.version);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [validFrom, setValidFrom] = useState(currentYear);
  const [reason, setReason] = useState("");

  const check = useMutation({ mutationFn: checkSetting });
  const publish = useMutation({ mutationFn: publishSetting });

  // When the form is showing the server's messages, check again after an edit, so a corrected field clears.
  const recheck = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(recheck.current), []);
  const onChange = (next: unknown) => {
    setValue(next);
    setOutcome(null);
    saveDraft(kind, settingKey, { baseVersion, value: next });
    if (issues.length) {
      clearTimeout(recheck.current);
      recheck.current = setTimeout(() => {
        check.mutate({ kind, key: settingKey, value: next, locale }, { onSuccess: (r) => setIssues(r.ok ? [] : r.issues) });
      }, 400);
    }
  };
  const runCheck = () =>
    check.mutate(
      { kind, key: settingKey, value, locale },
      {
        onSuccess: (r) => {
          // Problems are listed above the form and at their fields; only a valid draft needs saying so.
          setIssues(r.ok ? [] : r.issues);
          setOutcome(r.ok ? { kind: "valid" } : null);
        },
      },
    );
  const discard = () => {
    dropDraft(kind, settingKey);
    setValue(latest.value);
    setBaseVersion(latest.version);
    setIssues([]);
    setOutcome(null);
  };
  const runPublish = () =>
    publish.mutate(
      { kind, key: settingKey, value, validFrom, reason: reason.trim(), locale },
      {
        onSuccess: async (r) => {
          if (r.status === "invalid") {
            setIssues(r.issues);
            setOutcome({ kind: "invalid", count: r.issues.length });
            return;
          }
          dropDraft(kind, settingKey);
          setIssues([]);
          setReason("");
          setBaseVersion(r.version);
          setOutcome({ kind: "published", version: r.version, year: r.validFrom });
          await invalidate(queryClient, "settings", "reference");
        },
      },
    );
  const changes = useMemo(() => diffValues(schema, latest.value, value, locale), [schema, latest.value, value, locale]);
  // What 发布新版本 waits for, said beside it rather than left to a greyed button: a change, then its reason.
  const waitsFor =
    changes.length === 0 ? "settingsPage.publishNeedsChange" : reason.trim().length < 2 ? "settingsPage.publishNeedsReason" : null;

  return (
    <div className={styles.stack}>
      {canWrite ? (
        <div className={styles.row}>
          <Text className={styles.muted}>
            {t("settingsPage.draftKept")}{" "}
            {baseVersion === 0 ? t("settingsPage.draftFromDefault") : t("settingsPage.draftFrom", { version: baseVersion })}
          </Text>
          <Button onClick={runCheck} disabled={check.isPending}>
            {t("settingsPage.check")}
          </Button>
          <Button appearance="subtle" onClick={discard}>
            {t("settingsPage.discard")}
          </Button>
        </div>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{t("settingsPage.readOnly")}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "published" ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("settingsPage.published", { version: outcome.version, year: outcome.year })}</MessageBarBody>
        </MessageBar>
      ) : outcome?.kind === "valid" ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("settingsPage.checkOk")}</MessageBarBody>
        </MessageBar>
      ) : outcome?.kind === "invalid" ? (
        <MessageBar intent="error">
          <MessageBarBody>{t("settingsPage.invalid", { count: outcome.count })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {check.error ? <ErrorBar error={check.error} /> : null}
      {publish.error ? <ErrorBar error={publish.error} /> : null}
      <SchemaForm schema={schema} value={value} onChange={onChange} issues={issues} readOnly={!canWrite} locale={locale} />
      {canWrite ? (
        <>
          <Section title={t("settingsPage.changes")}>
            <ChangeList changes={changes} label={t("settingsPage.changes")} empty={t("settingsPage.noChanges")} />
          </Section>
          {kind === "standing-rules" ? <StandingPreview draft={value} years={years} defaultYear={currentYear} /> : null}
          <Section title={t("settingsPage.publishTitle")}>
            <div className={styles.publish}>
              <YearSelect
                label={t("settingsPage.validFrom")}
                hint={t("settingsPage.validFromHint")}
                value={validFrom}
                years={years}
                onChange={setValidFrom}
              />
              <Field label={t("settingsPage.reason")} hint={t("settingsPage.reasonHint")} required>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
              </Field>
            </div>
            <div className={styles.publishAction}>
              <Button
                appearance="primary"
                onClick={runPublish}
                disabled={publish.isPending || waitsFor !== null}
                aria-describedby={waitsFor ? "publish-waits-for" : undefined}
              >
                {t("settingsPage.publish")}
              </Button>
              {waitsFor ? (
                <Text id="publish-waits-for" size={200} className={styles.muted}>
                  {t(waitsFor)}
                </Text>
              ) : null}
            </div>
          </Section>
        </>
      ) : null}
    </div>
  );
}
