import "./settings-words";
import { Badge, Button, makeStyles, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useReference } from "../../api/reference";
import {
  overviewQuery,
  type SettingKindName,
  type SettingKindSchema,
  type SettingOverview,
  schemasQuery,
  versionsQuery,
} from "../../api/settings";
import { PageHeader } from "../../components/page-header";
import { Empty, ErrorBar, Loading, QueryState } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";
import type { JsonSchema } from "../../schema-form";
import { RequirePermission } from "../../shell/require-permission";
import { useMay } from "../../shell/use-me";
import type { SettingsSearch } from "./search";
import { SettingEditor } from "./setting-editor";
import { SettingHistory } from "./setting-history";
import { SettingsElsewhere } from "./settings-elsewhere";
import { YearSelect } from "./year-select";

const routeApi = getRouteApi("/app/settings");

const useStyles = makeStyles({
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(14rem, 17rem) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
  },
  nav: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, position: "sticky", top: tokens.spacingVerticalM },
  group: { marginTop: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
  item: { justifyContent: "flex-start", textAlign: "start", width: "100%" },
  main: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  status: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function SettingsPage() {
  return (
    <RequirePermission permission="settings.read">
      <Settings />
    </RequirePermission>
  );
}

/** Academic years one may publish for: those of the terms on record and the two after the current one. */
function yearsFrom(termYears: string[], current: string): string[] {
  const start = Number(current.slice(0, 4));
  const next = [1, 2].map((n) => `${start + n}-${start + n + 1}`);
  return [...new Set([...termYears, current, ...next])].sort();
}

function Settings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/settings" });
  const setSearch = (next: Partial<SettingsSearch>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const reference = useReference().data;
  const currentYear = reference?.academicYear ?? "";
  const year = search.year ?? currentYear;
  const schemas = useQuery(schemasQuery(locale));
  const overview = useQuery({ ...overviewQuery(year), enabled: year !== "" });
  const years = yearsFrom(reference?.terms.map((term) => term.academicYear) ?? [], currentYear || year);

  if (schemas.error) return <ErrorBar error={schemas.error} onRetry={() => void schemas.refetch()} />;
  if (schemas.isPending || !reference) return <Loading />;
  const kinds = schemas.data;
  const kind = kinds.find((k) => k.kind === search.kind) ?? kinds[0];
  if (!kind) return <Empty />;
  const key = kind.keys.find((k) => k.key === search.key)?.key ?? kind.keys[0]?.key ?? "";
  const status = (k: string, key: string) => overview.data?.find((o) => o.kind === k && o.key === key);

  return (
    <div>
      <PageHeader title={t("nav.settings")}>
        <YearSelect label={t("settingsPage.year")} value={year} years={years} onChange={(y) => setSearch({ year: y })} />
      </PageHeader>
      <div className={styles.layout}>
        <nav className={styles.nav} aria-label={t("settingsPage.kinds")}>
          {kinds.map((k) => {
            const button = (entry: { key: string; label: string }, text: string) => {
              const selected = k.kind === kind.kind && entry.key === key;
              const s = status(k.kind, entry.key);
              return (
                <Button
                  key={entry.key}
                  className={styles.item}
                  appearance={selected ? "primary" : "subtle"}
                  aria-current={selected ? "page" : undefined}
                  onClick={() => setSearch({ kind: k.kind, key: entry.key })}
                >
                  {text}
                  {s && s.versions > 0 ? ` · v${s.inForce.version}` : ""}
                </Button>
              );
            };
            const [only] = k.keys;
            if (k.keys.length === 1 && only) return <div key={k.kind}>{button(only, k.title)}</div>;
            return (
              <div key={k.kind}>
                <Text as="h2" weight="semibold" size={300} className={styles.group} block>
                  {k.title}
                </Text>
                {k.keys.map((entry) => button(entry, entry.label))}
              </div>
            );
          })}
          <SettingsElsewhere />
        </nav>
        <section className={styles.main} aria-label={kind.title}>
          <KindPanel
            key={`${kind.kind}/${key}/${locale}`}
            kind={kind}
            settingKey={key}
            status={status(kind.kind, key)}
            tab={search.tab ?? "draft"}
            onTab={(tab) => setSearch({ tab })}
            years={years}
            currentYear={currentYear}
          />
        </section>
      </div>
    </div>
  );
}

function KindPanel({
  kind,
  settingKey,
  status,
  tab,
  onTab,
  years,
  currentYear,
}: {
  kind: SettingKindSchema;
  settingKey: string;
  status: SettingOverview | undefined;
  tab: "draft" | "history";
  onTab: (tab: "draft" | "history") => void;
  years: string[];
  currentYear: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const canWrite = useMay("settings.write");
  const name = kind.kind as SettingKindName;
  const versions = useQuery(versionsQuery(name, settingKey));
  const keyLabel = kind.keys.find((k) => k.key === settingKey)?.label ?? settingKey;
  return (
    <>
      <Text as="h2" size={500} weight="semibold">
        {kind.keys.length > 1 ? `${kind.title} · ${keyLabel}` : kind.title}
      </Text>
      {kind.description ? <Text className={styles.muted}>{kind.description}</Text> : null}
      {status ? (
        <div className={styles.status} role="status">
          <Badge appearance="tint" color="brand">
            {status.inForce.version === 0
              ? t("settingsPage.builtIn")
              : `${t("settingsPage.inForce", { version: status.inForce.version })}，${t("settingsPage.fromYear", { year: status.inForce.validFrom })}`}
          </Badge>
          {status.latest.version !== status.inForce.version ? (
            <Badge appearance="tint" color="warning">
              {t("settingsPage.scheduled", { version: status.latest.version, year: status.latest.validFrom })}
            </Badge>
          ) : null}
        </div>
      ) : null}
      <TabList selectedValue={tab} onTabSelect={(_, d) => onTab(d.value as "draft" | "history")}>
        <Tab value="draft">{t("settingsPage.draftTab")}</Tab>
        <Tab value="history">{t("settingsPage.historyTab")}</Tab>
      </TabList>
      {/* A failed refetch keeps the editor and its unsaved draft under the error. */}
      <QueryState query={versions}>
        {(data) =>
          tab === "draft" ? (
            <SettingEditor
              kind={name}
              settingKey={settingKey}
              schema={kind.schema as JsonSchema}
              latest={data[0] as (typeof data)[number]}
              canWrite={canWrite}
              years={years}
              currentYear={currentYear}
            />
          ) : (
            <SettingHistory
              kind={name}
              settingKey={settingKey}
              schema={kind.schema as JsonSchema}
              versions={data}
              canWrite={canWrite}
              years={years}
              currentYear={currentYear}
            />
          )
        }
      </QueryState>
    </>
  );
}
