import "./users-words";
import { Badge, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { SearchRegular } from "@fluentui/react-icons";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { ROLE_LABELS, type Role } from "@xueji/shared";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { labelsOf, useReference } from "../../api/reference";
import { usersQuery } from "../../api/users";
import { LabelValueTable } from "../../components/label-value-table";
import { PageHeader } from "../../components/page-header";
import { Empty, QueryState } from "../../components/page-state";
import { collator } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { RequirePermission } from "../../shell/require-permission";
import { compact } from "../../url/search-values";
import { SetupReminder } from "../setup/setup-reminder";
import { CreateUserDialog } from "./create-user-dialog";
import { UserActions } from "./user-actions";

const routeApi = getRouteApi("/app/users");

// A plain table, not the shell's VirtualTable: re-rendered from a keystroke (the search box) that
// re-rendered without end in Chromium (reported to the shell's owner). Accounts number in the hundreds.

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
});

export function UsersPage() {
  return (
    <RequirePermission permission="users.manage">
      <Users />
    </RequirePermission>
  );
}

function Users() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/users" });
  const reference = useReference().data;
  const labels = useMemo(() => labelsOf(reference, locale), [reference, locale]);
  const users = useQuery(usersQuery());
  const [created, setCreated] = useState<string | null>(null);
  // Filtered in a transition: the table follows the typing without holding up the keystroke.
  const q = useDeferredValue((search.q ?? "").trim().toLowerCase());
  const rows = useMemo(
    () =>
      (users.data ?? [])
        .filter((u) => !q || u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q))
        .sort((a, b) => collator(locale).compare(a.username, b.username)),
    [users.data, q, locale],
  );
  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.users")}>
        <CreateUserDialog onCreated={setCreated} />
      </PageHeader>
      <SetupReminder />
      {created ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("usersPage.created", { username: created })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.filters}>
        <Field label={t("usersPage.search")}>
          <Input
            contentBefore={<SearchRegular />}
            value={search.q ?? ""}
            onChange={(_, d) => navigate({ search: compact({ q: d.value || undefined }), replace: true })}
          />
        </Field>
        <Text>{t("usersPage.count", { count: rows.length })}</Text>
      </div>
      <QueryState query={users} isEmpty={() => rows.length === 0} empty={<Empty title={t("usersPage.none")} />}>
        {() => (
          <LabelValueTable
            label={t("nav.users")}
            rows={rows}
            rowKey={(u) => u.id}
            columns={[
              { id: "username", label: t("usersPage.username"), value: (u) => u.username },
              { id: "displayName", label: t("usersPage.displayName"), value: (u) => u.displayName },
              { id: "role", label: t("usersPage.role"), value: (u) => ROLE_LABELS[u.role as Role]?.[locale] ?? u.role },
              { id: "college", label: t("usersPage.college"), value: (u) => labels.college(u.collegeId) },
              {
                id: "state",
                label: t("usersPage.state"),
                value: (u) =>
                  u.disabled ? (
                    <Badge appearance="tint" color="danger">
                      {t("usersPage.disabled")}
                    </Badge>
                  ) : (
                    <Badge appearance="tint" color="success">
                      {t("usersPage.active")}
                    </Badge>
                  ),
              },
              { id: "actions", label: t("usersPage.actions"), value: (u) => <UserActions user={u} /> },
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}
