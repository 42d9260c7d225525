import "./audit-log-words";
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ShieldCheckmarkRegular } from "@fluentui/react-icons";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { ROLE_LABELS, type Role } from "@xueji/shared";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditEvent, auditEventsQuery, facetsQuery, verifyChain } from "../../api/audit-log";
import { PageHeader } from "../../components/page-header";
import { Empty, ErrorBar, Loading } from "../../components/page-state";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { formatDateTime, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import type { AuditLogSearch } from "../../routes/audit-log";
import { compact } from "../../routes/search";
import { RequirePermission } from "../../shell/require-permission";

const routeApi = getRouteApi("/app/audit-log");

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
  filter: { minWidth: "10rem" },
  json: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "pre-wrap",
    wordBreak: "break-all",
    maxHeight: "18rem",
    overflow: "auto",
  },
  detail: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalL },
  muted: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-all",
  },
});

export function AuditLogPage() {
  return (
    <RequirePermission permission="auditLog.read">
      <AuditLog />
    </RequirePermission>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/audit-log" });
  const setSearch = (next: Partial<AuditLogSearch>) => navigate({ search: (prev) => compact({ ...prev, ...next }), replace: true });
  const facets = useQuery(facetsQuery());
  const filters = compact({
    userId: search.userId,
    action: search.action,
    entity: search.entity,
    entityId: search.entityId,
    fromDate: search.from,
    toDate: search.to,
  });
  const list = useInfiniteQuery(auditEventsQuery(filters));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const verify = useMutation({ mutationFn: verifyChain });
  const [selected, setSelected] = useState<AuditEvent | null>(null);
  const [entityId, setEntityId] = useState(search.entityId ?? "");

  // Known actions and entities by name; a new one shows its code until it is given a name here.
  const actionLabel = useCallback(
    (code: string) => (i18n.exists(`auditLogPage.actions.${code}`) ? t(`auditLogPage.actions.${code}`) : code),
    [i18n, t],
  );
  const entityLabel = useCallback(
    (code: string) => (i18n.exists(`auditLogPage.entities.${code}`) ? t(`auditLogPage.entities.${code}`) : code),
    [i18n, t],
  );
  const columns = useMemo<ColumnDef<AuditEvent, unknown>[]>(
    () => [
      { id: "id", header: "#", accessorKey: "id", size: 70 },
      { id: "at", header: t("auditLogPage.at"), accessorFn: (e) => formatDateTime(e.at, locale), size: 170 },
      { id: "actor", header: t("auditLogPage.actor"), accessorFn: (e) => e.actor ?? t("auditLogPage.system"), size: 130 },
      {
        id: "role",
        header: t("auditLogPage.role"),
        accessorFn: (e) => (e.role ? (ROLE_LABELS[e.role as Role]?.[locale] ?? e.role) : ""),
        size: 150,
      },
      { id: "action", header: t("auditLogPage.action"), accessorFn: (e) => actionLabel(e.action), size: 170 },
      { id: "entity", header: t("auditLogPage.entity"), accessorFn: (e) => entityLabel(e.entity), size: 110 },
      { id: "entityId", header: t("auditLogPage.entityId"), accessorKey: "entityId", size: 200 },
    ],
    [t, locale, actionLabel, entityLabel],
  );

  const verdict = verify.data;
  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.auditLog")}>
        <Button
          appearance="primary"
          icon={verify.isPending ? <Spinner size="tiny" /> : <ShieldCheckmarkRegular />}
          onClick={() => verify.mutate()}
          disabled={verify.isPending}
        >
          {verify.isPending ? t("auditLogPage.verifying") : t("auditLogPage.verify")}
        </Button>
      </PageHeader>
      <div role="status" aria-live="polite">
        {verdict ? (
          <MessageBar intent={verdict.ok ? "success" : "error"} layout="multiline">
            <MessageBarBody>
              {verdict.ok
                ? `${t("auditLogPage.intact", { checked: formatNumber(verdict.checked, locale) })}${verdict.checkpoint ? "" : ` ${t("auditLogPage.noCheckpoint")}`}`
                : verdict.reason === "shorter"
                  ? t("auditLogPage.shorter", {
                      at: formatDateTime(verdict.checkpointAt, locale),
                      expected: formatNumber(verdict.expected, locale),
                      found: formatNumber(verdict.found, locale),
                    })
                  : verdict.reason === "rewritten"
                    ? t("auditLogPage.rewritten", { at: formatDateTime(verdict.checkpointAt, locale), expected: verdict.expected })
                    : verdict.reason === "checkpoint"
                      ? t("auditLogPage.checkpointBad")
                      : t("auditLogPage.broken", {
                          id: verdict.brokenAt,
                          checked: formatNumber(verdict.checked, locale),
                          reason: t(verdict.reason === "hash" ? "auditLogPage.reasonHash" : "auditLogPage.reasonLink"),
                        })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {verify.error ? <ErrorBar error={verify.error} /> : null}
      <search className={styles.filters} aria-label={t("auditLogPage.filters")}>
        <Field label={t("auditLogPage.actor")} className={styles.filter}>
          <Dropdown
            value={facets.data?.actors.find((a) => a.id === search.userId)?.displayName ?? t("auditLogPage.any")}
            selectedOptions={[String(search.userId ?? "")]}
            onOptionSelect={(_, d) => setSearch({ userId: d.optionValue ? Number(d.optionValue) : undefined })}
          >
            <Option value="">{t("auditLogPage.any")}</Option>
            {(facets.data?.actors ?? []).map((a) => (
              <Option key={a.id} value={String(a.id)} text={a.displayName}>
                {`${a.displayName}（${a.username}）`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("auditLogPage.action")} className={styles.filter}>
          <Dropdown
            value={search.action ? actionLabel(search.action) : t("auditLogPage.any")}
            selectedOptions={[search.action ?? ""]}
            onOptionSelect={(_, d) => setSearch({ action: d.optionValue || undefined })}
          >
            <Option value="">{t("auditLogPage.any")}</Option>
            {(facets.data?.actions ?? []).map((a) => (
              <Option key={a} value={a} text={actionLabel(a)}>
                {actionLabel(a)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("auditLogPage.entity")} className={styles.filter}>
          <Dropdown
            value={search.entity ? entityLabel(search.entity) : t("auditLogPage.any")}
            selectedOptions={[search.entity ?? ""]}
            onOptionSelect={(_, d) => setSearch({ entity: d.optionValue || undefined })}
          >
            <Option value="">{t("auditLogPage.any")}</Option>
            {(facets.data?.entities ?? []).map((e) => (
              <Option key={e} value={e} text={entityLabel(e)}>
                {entityLabel(e)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("auditLogPage.entityId")}>
          <Input
            value={entityId}
            onChange={(_, d) => setEntityId(d.value)}
            onBlur={() => setSearch({ entityId: entityId.trim() || undefined })}
            onKeyDown={(e) => e.key === "Enter" && setSearch({ entityId: entityId.trim() || undefined })}
          />
        </Field>
        <Field label={t("auditLogPage.fromDate")}>
          <Input type="date" value={search.from ?? ""} onChange={(_, d) => setSearch({ from: d.value || undefined })} />
        </Field>
        <Field label={t("auditLogPage.toDate")}>
          <Input type="date" value={search.to ?? ""} onChange={(_, d) => setSearch({ to: d.value || undefined })} />
        </Field>
        <Button
          appearance="subtle"
          onClick={() => {
            setEntityId("");
            navigate({ search: {}, replace: true });
          }}
        >
          {t("auditLogPage.clear")}
        </Button>
      </search>
      {list.error ? <ErrorBar error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty title={t("auditLogPage.none")} />
      ) : (
        <>
          <VirtualTable
            label={t("nav.auditLog")}
            data={rows}
            columns={columns}
            getRowId={(e) => String(e.id)}
            height="calc(100vh - 420px)"
            onRowOpen={setSelected}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
          <Text size={200}>
            {t("auditLogPage.shown", { count: rows.length })}
            {list.hasNextPage ? ` · ${t("auditLogPage.more")}` : ""}
          </Text>
        </>
      )}
      {selected ? (
        <Section
          title={t("auditLogPage.detail", { id: selected.id })}
          note={`${actionLabel(selected.action)} · ${entityLabel(selected.entity)} ${selected.entityId}`}
        >
          <div className={styles.detail}>
            <div>
              <Text weight="semibold">{t("auditLogPage.before")}</Text>
              <pre className={styles.json}>{JSON.stringify(selected.before, null, 2)}</pre>
            </div>
            <div>
              <Text weight="semibold">{t("auditLogPage.after")}</Text>
              <pre className={styles.json}>{JSON.stringify(selected.after, null, 2)}</pre>
            </div>
          </div>
          <Text className={styles.muted}>
            {t("auditLogPage.hash")}：{selected.hash} · {t("auditLogPage.requestId")}：{selected.requestId ?? "—"}
          </Text>
        </Section>
      ) : null}
    </div>
  );
}
