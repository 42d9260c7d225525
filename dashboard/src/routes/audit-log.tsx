import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readAuditLogSearch } from "../pages/audit-log/search";
import { appRoute } from "./root";

/** 审计日志: the hash-chained log, filtered and paged by cursor, with a check of the whole chain. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/audit-log",
  validateSearch: readAuditLogSearch,
  component: lazyRouteComponent(() => import("../pages/audit-log/audit-log-page"), "AuditLogPage"),
});
