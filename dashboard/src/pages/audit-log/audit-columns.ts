import type { ColumnDef } from "@tanstack/react-table";
import { auditActionName, auditEntityIdLabel, auditEntityName, type Locale, ROLE_LABELS, type Role } from "@xueji/shared";
import type { TFunction } from "i18next";
import { formatDateTime } from "../../format/intl";

interface EventRow {
  id: number;
  at: string;
  role: string | null;
  action: string;
  entity: string;
  entityId: string;
}

/** The columns both lists share: every code by its name (shared's), never the key. */
export function eventColumns<T extends EventRow>(t: TFunction, locale: Locale): ColumnDef<T, unknown>[] {
  return [
    { id: "id", header: "#", accessorKey: "id", size: 70 },
    { id: "at", header: t("auditLogPage.at"), accessorFn: (e) => formatDateTime(e.at, locale), size: 170 },
    {
      id: "role",
      header: t("auditLogPage.role"),
      accessorFn: (e) => (e.role ? (ROLE_LABELS[e.role as Role]?.[locale] ?? e.role) : t("auditLogPage.system")),
      size: 150,
    },
    { id: "action", header: t("auditLogPage.action"), accessorFn: (e) => auditActionName(e.action, locale), size: 180 },
    { id: "entity", header: t("auditLogPage.entity"), accessorFn: (e) => auditEntityName(e.entity, locale), size: 130 },
    {
      id: "entityId",
      header: t("auditLogPage.entityId"),
      accessorFn: (e) => auditEntityIdLabel(e.entity, e.entityId, locale),
      size: 200,
    },
  ];
}
