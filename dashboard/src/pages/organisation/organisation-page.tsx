import "./organisation-words";
import { makeStyles, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { organisationQuery } from "../../api/organisation";
import { useReference } from "../../api/reference";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/page-state";
import { RequirePermission } from "../../shell/require-permission";
import { useMay } from "../../shell/use-me";
import { ClassesTab, CollegesTab, MajorsTab, TermsTab } from "./entity-tabs";
import { ImportTab } from "./import-tab";
import { SchoolTab } from "./school-tab";
import { ORG_TABS, type OrgTab } from "./search";

const routeApi = getRouteApi("/app/organisation");

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function OrganisationPage() {
  return (
    <RequirePermission permission="organisation.read">
      <OrganisationView />
    </RequirePermission>
  );
}

const TAB_LABEL: Record<OrgTab, string> = {
  school: "orgPage.school",
  colleges: "orgPage.colleges",
  majors: "orgPage.majors",
  classes: "orgPage.classes",
  terms: "orgPage.terms",
  import: "orgPage.import",
};

function OrganisationView() {
  const { t } = useTranslation();
  const styles = useStyles();
  const tab = routeApi.useSearch().tab ?? "school";
  const navigate = useNavigate({ from: "/organisation" });
  const canWrite = useMay("organisation.write");
  const org = useQuery(organisationQuery());
  const currentTerm = useReference().data?.currentTerm ?? null;
  const tabs = canWrite ? ORG_TABS : ORG_TABS.filter((x) => x !== "import");
  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.organisation")} />
      {canWrite ? null : <Text className={styles.muted}>{t("orgPage.readOnly")}</Text>}
      <TabList
        aria-label={t("orgPage.tabs")}
        selectedValue={tab}
        onTabSelect={(_, d) => navigate({ search: { tab: d.value as OrgTab }, replace: true })}
      >
        {tabs.map((x) => (
          <Tab key={x} value={x} data-testid={`org-tab-${x}`}>
            {t(TAB_LABEL[x])}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={t(TAB_LABEL[tab])}>
        {tab === "import" && canWrite ? (
          <ImportTab />
        ) : (
          <QueryState query={org}>
            {(data) =>
              tab === "school" ? (
                <SchoolTab school={data.school} canWrite={canWrite} />
              ) : tab === "colleges" ? (
                <CollegesTab org={data} canWrite={canWrite} />
              ) : tab === "majors" ? (
                <MajorsTab org={data} canWrite={canWrite} />
              ) : tab === "classes" ? (
                <ClassesTab org={data} canWrite={canWrite} />
              ) : (
                <TermsTab org={data} canWrite={canWrite} currentTerm={currentTerm} />
              )
            }
          </QueryState>
        )}
      </div>
    </div>
  );
}
