import "./notifications-words";
import { Badge, Button, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Channel, channelsQuery, type OutboxItem, type OutboxState, outboxQuery } from "../../api/notifications";
import { LabelValueTable } from "../../components/label-value-table";
import { PageHeader } from "../../components/page-header";
import { Empty, QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDateTime, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { useMay } from "../../shell/use-me";
import { ChannelDialog } from "./channel-dialog";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground3 },
  body: { whiteSpace: "pre-wrap", wordBreak: "break-word", maxWidth: "48ch", display: "block" },
  error: { color: tokens.colorPaletteRedForeground1, wordBreak: "break-word" },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // A short list of states: the picker as wide as they are, not the whole section.
  filter: { maxWidth: "240px" },
});

const STATE_COLOUR = { pending: "informative", sending: "warning", sent: "success", failed: "danger" } as const;

/** 通知: where reminders go (channels, secrets write-only) and every message with its state and failure reason. */
export function NotificationsPage() {
  return (
    <RequirePermission permission="notifications.read">
      <Notifications />
    </RequirePermission>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const styles = useStyles();
  const mayReadChannels = useMay("settings.read");
  return (
    <div className={styles.stack}>
      <PageHeader title={t("notificationsPage.title")} />
      {mayReadChannels ? <Channels /> : null}
      <Messages />
    </div>
  );
}

function Channels() {
  const { t } = useTranslation();
  const styles = useStyles();
  const mayWrite = useMay("settings.write");
  const channels = useQuery(channelsQuery());
  const [editing, setEditing] = useState<Channel | "new" | null>(null);
  return (
    <Section title={t("notificationsPage.channels")}>
      <Text className={styles.muted}>{t("notificationsPage.channelsHint")}</Text>
      <QueryState query={channels} isEmpty={(data) => data.length === 0} empty={<Empty title={t("notificationsPage.noChannels")} />}>
        {(data) => (
          <LabelValueTable
            label={t("notificationsPage.channels")}
            rows={data}
            rowKey={(c) => c.id}
            rowProps={(c) => ({ "data-testid": `channel-${c.id}` })}
            columns={[
              { id: "office", label: t("notificationsPage.office"), value: (c) => c.collegeName ?? t("notificationsPage.registrarOffice") },
              { id: "kind", label: t("notificationsPage.kind"), value: (c) => t(`notificationsPage.${c.kind}`) },
              {
                id: "enabled",
                label: t("notificationsPage.enabled"),
                value: (c) => (
                  <Badge appearance="tint" color={c.enabled ? "success" : "subtle"}>
                    {c.enabled ? t("notificationsPage.on") : t("notificationsPage.off")}
                  </Badge>
                ),
              },
              {
                id: "secrets",
                label: t("notificationsPage.secretSet"),
                value: (c) =>
                  Object.entries(c.secrets)
                    .map(
                      ([field, s]) =>
                        `${t(`notificationsPage.${field}`)}：${
                          s.state === "env"
                            ? t("notificationsPage.secretEnv", { env: s.env })
                            : t(`notificationsPage.secret${s.state === "set" ? "Set" : "Unset"}`)
                        }`,
                    )
                    .join("；"),
              },
              mayWrite && {
                id: "edit",
                label: t("notificationsPage.edit"),
                value: (c) => (
                  <Button size="small" onClick={() => setEditing(c)} data-testid={`channel-edit-${c.id}`}>
                    {t("notificationsPage.edit")}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {mayWrite ? (
        <div>
          <Button appearance="primary" onClick={() => setEditing("new")} data-testid="channel-add">
            {t("notificationsPage.add")}
          </Button>
        </div>
      ) : null}
      {editing ? <ChannelDialog channel={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Section>
  );
}

function Messages() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const [state, setState] = useState<OutboxState | undefined>(undefined);
  const outbox = useQuery(outboxQuery(state));
  const stateLabel = (s: OutboxItem["state"]) => t(`notificationsPage.${s}`);
  return (
    <Section title={t("notificationsPage.messages")}>
      <Field label={t("notificationsPage.state")} className={styles.filter}>
        <Select
          value={state ?? ""}
          onChange={(_, d) => setState((d.value || undefined) as OutboxState | undefined)}
          data-testid="outbox-state"
        >
          <option value="">{t("notificationsPage.all")}</option>
          {(["pending", "sending", "sent", "failed"] as const).map((s) => (
            <option key={s} value={s}>
              {stateLabel(s)}
            </option>
          ))}
        </Select>
      </Field>
      {outbox.data ? (
        <div className={styles.counts}>
          {(["pending", "sent", "failed"] as const).map((s) => (
            <Badge key={s} appearance="outline" color={STATE_COLOUR[s]}>
              {t("notificationsPage.count", { state: stateLabel(s), n: formatNumber(outbox.data.counts[s] ?? 0, locale) })}
            </Badge>
          ))}
        </div>
      ) : null}
      <QueryState
        query={outbox}
        isEmpty={(data) => data.items.length === 0}
        empty={
          // Under a filter, says which: "no messages" alone would read as none at all.
          <Empty title={state ? t("notificationsPage.noMessagesIn", { state: stateLabel(state) }) : t("notificationsPage.noMessages")} />
        }
      >
        {(data) => (
          <LabelValueTable
            label={t("notificationsPage.messages")}
            rows={data.items}
            rowKey={(m) => m.id}
            rowProps={(m) => ({ "data-testid": `outbox-${m.state}` })}
            columns={[
              { id: "when", label: t("notificationsPage.when"), value: (m) => formatDateTime(m.createdAt, locale) },
              {
                id: "to",
                label: t("notificationsPage.to_"),
                value: (m) =>
                  `${m.collegeName ?? t("notificationsPage.registrarOffice")} · ${t(`notificationsPage.${m.channelKind}`)}${m.recipient ? ` · ${m.recipient}` : ""}`,
              },
              {
                id: "message",
                label: t("notificationsPage.message"),
                value: (m) => (
                  <>
                    <Text weight="semibold">{m.title}</Text>
                    <Text size={200} className={styles.body}>
                      {m.body.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")}
                    </Text>
                  </>
                ),
              },
              {
                id: "state",
                label: t("notificationsPage.state"),
                value: (m) => (
                  <>
                    <Badge appearance="tint" color={STATE_COLOUR[m.state]}>
                      {stateLabel(m.state)}
                    </Badge>
                    {m.state === "pending" && m.attempts > 0 ? (
                      <Text size={200} className={styles.muted}>
                        {" "}
                        {t("notificationsPage.nextAttempt", { time: formatDateTime(m.nextAttemptAt, locale) })}
                      </Text>
                    ) : null}
                  </>
                ),
              },
              { id: "attempts", label: t("notificationsPage.attempts"), value: (m) => m.attempts },
              {
                id: "reason",
                label: t("notificationsPage.reason"),
                value: (m) => (m.lastError ? <Text className={styles.error}>{m.lastError}</Text> : ""),
              },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
