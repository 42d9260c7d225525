import "./audit-log-words";
import { Button, MessageBar, MessageBarBody, makeStyles, Spinner, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { ShieldCheckmarkRegular } from "@fluentui/react-icons";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { auditActionName, auditEntitiesFor, auditEntityName } from "@xueji/shared";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditEvent, auditEventsQuery, verifyChain } from "../../api/audit-log";
import { PageHeader } from "../../components/page-header";
import { ErrorBar } from "../../components/page-state";
import { formatDateTime, formatNumber } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { useMe } from "../../shell/use-me";
import { compact } from "../../url/search-values";
import { eventColumns } from "./audit-columns";
import { AuditEventDetail, type EventForDetail } from "./audit-event-detail";
import { AuditEventList } from "./audit-event-list";
import { AuditFilters } from "./audit-filters";
import { AuditFullList } from "./audit-full-list";
import type { AuditLogSearch } from "./search";

const routeApi = getRouteApi("/app/audit-log");

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground3 },
});

export function AuditLogPage() {
  return (
    <RequirePermission permission="auditLog.read">
      <AuditLog />
    </RequirePermission>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const me = useMe();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/audit-log" });
  const setSearch = (next: Partial<AuditLogSearch>) => navigate({ search: (prev) => compact({ ...prev, ...next }), replace: true });
  const verify = useMutation({ mutationFn: verifyChain });
  const [selected, setSelected] = useState<EventForDetail | null>(null);
  const verdict = verify.data;
  // The server shows staff their own domain's events only; the page says so, so nothing seems missing.
  const narrowed = auditEntitiesFor(me.role) !== null;
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
      {narrowed ? <Text className={styles.note}>{t("auditLogPage.scopeNote")}</Text> : null}
      <div role="status" aria-live="polite">
        {verdict ? (
          <MessageBar intent={verdict.ok ? "success" : "error"} layout="multiline">
            <MessageBarBody>
              {verdict.ok
                ? [
                    t("auditLogPage.intact", { checked: formatNumber(verdict.checked, locale) }),
                    verdict.pending && verdict.pendingSince
                      ? t("auditLogPage.pending", {
                          n: formatNumber(verdict.pending, locale),
                          since: formatDateTime(verdict.pendingSince, locale),
                        })
                      : "",
                    verdict.checkpoint ? "" : t("auditLogPage.noCheckpoint"),
                  ]
                    .filter(Boolean)
                    // Chinese sentences follow each other with no space; English ones after one.
                    .join(locale === "en" ? " " : "")
                : verdict.reason === "seal"
                  ? t("auditLogPage.seal", {
                      at: formatDateTime(verdict.event.at, locale),
                      action: auditActionName(verdict.event.action, locale),
                      entity: auditEntityName(verdict.event.entity, locale),
                      entityId: verdict.event.entityId,
                      checked: formatNumber(verdict.checked, locale),
                    })
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
      <TabList
        selectedValue={search.view ?? "search"}
        onTabSelect={(_, d) => {
          setSelected(null);
          setSearch({ view: d.value === "all" ? "all" : undefined });
        }}
      >
        <Tab value="search">{t("auditLogPage.search")}</Tab>
        <Tab value="all">{t("auditLogPage.fullList")}</Tab>
      </TabList>
      {search.view === "all" ? (
        <AuditFullList onOpen={setSelected} />
      ) : (
        <SearchResults search={search} setSearch={setSearch} onOpen={setSelected} onClear={() => navigate({ search: {}, replace: true })} />
      )}
      {selected ? <AuditEventDetail key={selected.id} event={selected} /> : null}
    </div>
  );
}

function SearchResults({
  search,
  setSearch,
  onOpen,
  onClear,
}: {
  search: AuditLogSearch;
  setSearch: (next: Partial<AuditLogSearch>) => void;
  onOpen: (event: AuditEvent) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const filters = compact({
    userId: search.userId,
    action: search.action,
    entity: search.entity,
    entityId: search.entityId,
    fromDate: search.from,
    toDate: search.to,
  });
  const list = useInfiniteQuery(auditEventsQuery(filters));
  const columns = useMemo<ColumnDef<AuditEvent, unknown>[]>(() => {
    const [id, at, ...rest] = eventColumns<AuditEvent>(t, locale);
    const actor: ColumnDef<AuditEvent, unknown> = {
      id: "actor",
      header: t("auditLogPage.actor"),
      accessorFn: (e) => e.actor ?? t("auditLogPage.system"),
      size: 130,
    };
    return [id, at, actor, ...rest].filter((c): c is ColumnDef<AuditEvent, unknown> => c !== undefined);
  }, [t, locale]);
  return (
    <>
      <AuditFilters search={search} onChange={setSearch} onClear={onClear} />
      <AuditEventList list={list} columns={columns} label={t("nav.auditLog")} height="calc(100vh - 460px)" onOpen={onOpen} />
    </>
  );
}
