import "./users-words";
import { Badge, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { SearchRegular } from "@fluentui/react-icons";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { ROLE_LABELS, type Role } from "@xueji/shared";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { labelsOf, useReference } from "../../api/reference";
import { PageHeader } from "../../components/page-header";
import { Empty, ErrorBar, Loading } from "../../components/page-state";
import { VirtualTable } from "../../components/virtual-table";
import { collator } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { compact } from "../../routes/search";
import { RequirePermission } from "../../shell/require-permission";
import { CreateUserDialog } from "./create-user-dialog";
import { type UserRow, usersQuery } from "./users-api";

const routeApi = getRouteApi("/app/users");

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
  const labels = labelsOf(reference, locale);
  const users = useQuery(usersQuery());
  const [created, setCreated] = useState<string | null>(null);
  const q = (search.q ?? "").trim().toLowerCase();
  const rows = useMemo(
    () =>
      (users.data ?? [])
        .filter((u) => !q || u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q))
        .sort((a, b) => collator(locale).compare(a.username, b.username)),
    [users.data, q, locale],
  );
  const columns = useMemo<ColumnDef<UserRow, unknown>[]>(
    () => [
      { id: "username", header: t("usersPage.username"), accessorKey: "username", size: 160 },
      { id: "displayName", header: t("usersPage.displayName"), accessorKey: "displayName", size: 140 },
      { id: "role", header: t("usersPage.role"), accessorFn: (u) => ROLE_LABELS[u.role as Role]?.[locale] ?? u.role, size: 180 },
      { id: "college", header: t("usersPage.college"), accessorFn: (u) => labels.college(u.collegeId), size: 180 },
      {
        id: "state",
        header: t("usersPage.state"),
        size: 100,
        cell: ({ row }) =>
          row.original.disabled ? (
            <Badge appearance="tint" color="danger">
              {t("usersPage.disabled")}
            </Badge>
          ) : (
            <Badge appearance="tint" color="success">
              {t("usersPage.active")}
            </Badge>
          ),
      },
    ],
    [t, locale, labels],
  );
  return (
    <div className={styles.stack}>
      <PageHeader title={t("nav.users")}>
        <CreateUserDialog onCreated={setCreated} />
      </PageHeader>
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
      {users.error ? <ErrorBar error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty title={t("usersPage.none")} />
      ) : (
        <VirtualTable label={t("nav.users")} data={rows} columns={columns} getRowId={(u) => String(u.id)} />
      )}
    </div>
  );
}
