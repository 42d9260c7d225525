import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../api/client";
import { type Channel, saveChannel } from "../../api/notifications";
import { invalidate } from "../../api/query";
import { useReference } from "../../api/reference";
import { SecretField, type SecretInput } from "../../components/secret-field";

type Kind = Channel["kind"];
const SECRETS: Record<Kind, Array<"webhookUrl" | "signSecret" | "password">> = {
  wecom: ["webhookUrl"],
  dingtalk: ["webhookUrl", "signSecret"],
  email: ["password"],
};

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

/** Adds or edits one channel: its office, kind, switch, mail settings, and its secrets write-only. */
export function ChannelDialog({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const colleges = useReference().data?.colleges ?? [];
  const [collegeId, setCollegeId] = useState<number | null>(channel?.collegeId ?? null);
  const [kind, setKind] = useState<Kind>(channel?.kind ?? "wecom");
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [config, setConfig] = useState<Record<string, string | number | boolean>>(channel?.config ?? {});
  const [secrets, setSecrets] = useState<Record<string, SecretInput>>({});
  const save = useMutation({
    mutationFn: saveChannel,
    onSuccess: async () => {
      await invalidate(queryClient, "notifications");
      onClose();
    },
  });
  const text = (key: "host" | "user" | "from" | "to") => (
    <Field label={t(`notificationsPage.${key}`)} key={key}>
      <Input
        value={String(config[key] ?? "")}
        onChange={(_, d) => setConfig({ ...config, [key]: d.value })}
        data-testid={`channel-${key}`}
      />
    </Field>
  );
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("notificationsPage.editTitle")}</DialogTitle>
          <DialogContent className={styles.form}>
            <Field label={t("notificationsPage.office")}>
              <Select
                value={collegeId === null ? "" : String(collegeId)}
                disabled={channel !== null}
                onChange={(_, d) => setCollegeId(d.value ? Number(d.value) : null)}
                data-testid="channel-office"
              >
                <option value="">{t("notificationsPage.registrarOffice")}</option>
                {colleges.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("notificationsPage.kind")}>
              <Select value={kind} disabled={channel !== null} onChange={(_, d) => setKind(d.value as Kind)} data-testid="channel-kind">
                {(["wecom", "dingtalk", "email"] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`notificationsPage.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox label={t("notificationsPage.enabled")} checked={enabled} onChange={(_, d) => setEnabled(Boolean(d.checked))} />
            {kind === "email" ? (
              <>
                {text("host")}
                <Field label={t("notificationsPage.port")}>
                  <Input
                    type="number"
                    value={String(config.port ?? 465)}
                    onChange={(_, d) => setConfig({ ...config, port: Number(d.value) })}
                    data-testid="channel-port"
                  />
                </Field>
                <Checkbox
                  label={t("notificationsPage.secure")}
                  checked={config.secure === undefined ? Number(config.port ?? 465) === 465 : Boolean(config.secure)}
                  onChange={(_, d) => setConfig({ ...config, secure: Boolean(d.checked) })}
                />
                {text("user")}
                {text("from")}
                {text("to")}
              </>
            ) : null}
            {SECRETS[kind].map((field) => (
              <SecretField
                key={`${kind}-${field}`}
                label={t(`notificationsPage.${field}`)}
                stored={channel?.secrets[field] ?? { state: "unset" }}
                envName
                input={secrets[field] ?? { keep: true }}
                onChange={(input) => setSecrets({ ...secrets, [field]: input })}
                testId={`channel-${field}`}
              />
            ))}
            {save.error ? <Field validationMessage={problemOf(save.error).message} validationState="error" /> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t("notificationsPage.cancel")}</Button>
            <Button
              appearance="primary"
              disabled={save.isPending}
              data-testid="channel-save"
              onClick={() =>
                save.mutate({
                  ...(channel ? { id: channel.id } : {}),
                  collegeId,
                  kind,
                  enabled,
                  config: kind === "email" ? config : {},
                  secrets,
                })
              }
            >
              {t("notificationsPage.save")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
