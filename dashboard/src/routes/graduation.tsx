import { HatGraduationRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { int } from "./search";

export interface GraduationSearch {
  cohort?: number;
  /** The college drilled into. */
  collegeId?: number;
}

/** 毕业审核: run a cohort, results by college, drill down to a student's failing items, override, advance, export. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/graduation",
  validateSearch: (s: Record<string, unknown>): GraduationSearch => ({ cohort: int(s.cohort), collegeId: int(s.collegeId) }),
  component: lazyRouteComponent(() => import("../pages/graduation/graduation-page"), "GraduationPage"),
});

export const nav: NavEntry = {
  to: "/graduation",
  label: "graduation",
  icon: HatGraduationRegular,
  permission: "graduation.read",
  order: 60,
};
