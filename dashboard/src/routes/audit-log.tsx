import { ShieldCheckmarkRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { int, str } from "./search";

export interface AuditLogSearch {
  userId?: number;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  /** "all": the full list (auditLog.list) instead of the search. */
  view?: "all";
}

const date = (value: unknown) => {
  const s = str(value);
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
};

/** 审计日志: the hash-chained log, filtered and paged by cursor, with a check of the whole chain. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/audit-log",
  validateSearch: (search: Record<string, unknown>): AuditLogSearch => ({
    userId: int(search.userId),
    action: str(search.action),
    entity: str(search.entity),
    entityId: str(search.entityId),
    from: date(search.from),
    to: date(search.to),
    view: search.view === "all" ? "all" : undefined,
  }),
  component: lazyRouteComponent(() => import("../pages/audit-log/audit-log-page"), "AuditLogPage"),
});

export const nav: NavEntry = { to: "/audit-log", label: "auditLog", icon: ShieldCheckmarkRegular, permission: "auditLog.read", order: 90 };
