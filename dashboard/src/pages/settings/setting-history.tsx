import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  TableCellLayout,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { restoreSetting, type SettingKindName, type SettingVersionRow } from "../../api/settings";
import { LabelValueTable } from "../../components/label-value-table";
import { ErrorBar } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDateTime } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { diffValues, type JsonSchema } from "../../schema-form";
import { ChangeList } from "./change-list";
import { YearSelect } from "./year-select";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  dialog: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Every version, newest first; the chosen one's changes from the version before it; restore as a new version. */
export function SettingHistory({
  kind,
  settingKey,
  schema,
  versions,
  canWrite,
  years,
  currentYear,
}: {
  kind: SettingKindName;
  settingKey: string;
  schema: JsonSchema;
  versions: SettingVersionRow[];
  canWrite: boolean;
  years: string[];
  currentYear: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(versions[0]?.version ?? 0);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [validFrom, setValidFrom] = useState(currentYear);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<{ from: number; version: number } | null>(null);
  const restore = useMutation({ mutationFn: restoreSetting });
  const index = versions.findIndex((v) => v.version === chosen);
  const current = versions[index];
  const previous = versions[index + 1];
  const name = (v: SettingVersionRow) => (v.version === 0 ? t("settingsPage.defaultVersion") : String(v.version));

  const runRestore = (version: number) =>
    restore.mutate(
      { kind, key: settingKey, version, validFrom, reason: reason.trim(), locale },
      {
        onSuccess: async (r) => {
          if (r.status === "published") {
            setDone({ from: version, version: r.version });
            setChosen(r.version);
            setRestoring(null);
            setReason("");
            await invalidate(queryClient, "settings", "reference");
          }
        },
      },
    );

  return (
    <div className={styles.stack}>
      {done ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("settingsPage.restored", done)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <LabelValueTable
        label={t("settingsPage.historyTab")}
        rows={versions}
        rowKey={(v) => v.version}
        rowProps={(v) => ({ className: v.version === chosen ? styles.selected : undefined, "aria-selected": v.version === chosen })}
        columns={[
          {
            id: "version",
            label: t("settingsPage.version"),
            value: (v) => (
              <TableCellLayout>
                <Button appearance="transparent" onClick={() => setChosen(v.version)} aria-pressed={v.version === chosen}>
                  {name(v)}
                </Button>
              </TableCellLayout>
            ),
          },
          { id: "validFrom", label: t("settingsPage.validFrom"), value: (v) => v.validFrom ?? "—" },
          { id: "reason", label: t("settingsPage.reason"), value: (v) => v.reason ?? "—" },
          { id: "author", label: t("settingsPage.author"), value: (v) => v.author ?? "—" },
          { id: "at", label: t("settingsPage.at"), value: (v) => formatDateTime(v.createdAt, locale) || "—" },
          canWrite && {
            id: "restore",
            label: t("settingsPage.restore"),
            value: (v) =>
              v.version === versions[0]?.version ? null : (
                <Button size="small" onClick={() => setRestoring(v.version)}>
                  {t("settingsPage.restore")}
                </Button>
              ),
          },
        ]}
      />
      {current && current.version !== 0 ? (
        <Section title={t("settingsPage.diffWith", { version: current.version })}>
          <ChangeList
            changes={diffValues(schema, previous?.value, current.value, locale)}
            label={t("settingsPage.diffWith", { version: current.version })}
            empty={t("settingsPage.noChanges")}
          />
        </Section>
      ) : current ? (
        <Text>{t("settingsPage.diffDefault")}</Text>
      ) : null}
      <Dialog open={restoring !== null} onOpenChange={(_, d) => !d.open && setRestoring(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {t("settingsPage.restoreTitle", { version: restoring === 0 ? t("settingsPage.defaultVersion") : restoring })}
            </DialogTitle>
            <DialogContent className={styles.dialog}>
              <Text>{t("settingsPage.restoreExplain")}</Text>
              <YearSelect label={t("settingsPage.validFrom")} value={validFrom} years={years} onChange={setValidFrom} />
              <Field label={t("settingsPage.reason")} hint={t("settingsPage.reasonHint")} required>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
              {restore.error ? <ErrorBar error={restore.error} /> : null}
              {restore.data?.status === "invalid" ? (
                <MessageBar intent="error">
                  <MessageBarBody>{restore.data.issues.map((i) => i.message).join(" ")}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setRestoring(null)}>
                {t("settingsPage.cancel")}
              </Button>
              <Button
                appearance="primary"
                disabled={restore.isPending || reason.trim().length < 2}
                onClick={() => restoring !== null && runRestore(restoring)}
              >
                {t("settingsPage.restore")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
