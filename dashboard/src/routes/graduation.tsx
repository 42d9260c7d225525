import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readGraduationSearch } from "../pages/graduation/search";
import { appRoute } from "./root";

/**
 * 毕业审核: run a cohort, results by college, drill down to a student's failing items, override, advance, export;
 * 毕业执行 (preview, carry out, refusals); the certificates issued (print, export); 补发毕业证明书 for a lost one.
 */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/graduation",
  validateSearch: readGraduationSearch,
  component: lazyRouteComponent(() => import("../pages/graduation/graduation-page"), "GraduationPage"),
});
