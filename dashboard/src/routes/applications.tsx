import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readApplicationsSearch } from "../pages/applications/search";
import { appRoute } from "./root";

/** 学籍异动: filter, sort, columns, saved views, bulk decisions, export; secretaries file new ones. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/applications",
  validateSearch: readApplicationsSearch,
  component: lazyRouteComponent(() => import("../pages/applications/applications-page"), "ApplicationsPage"),
});
