import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readImportsSearch } from "../pages/imports/search";
import { appRoute } from "./root";

/** 导入 (registrar staff, administrators): students, admitted freshmen, results and accounts from sheets; dry run, then confirm. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/imports",
  validateSearch: readImportsSearch,
  component: lazyRouteComponent(() => import("../pages/imports/imports-page"), "ImportsPage"),
});
