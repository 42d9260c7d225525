import { HatGraduationRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { bool, int, oneOf } from "./search";

export interface GraduationSearch {
  cohort?: number;
  /** The college drilled into (and the one whose list is executed). */
  collegeId?: number;
  /** The drill-down shows every outcome, not only 结业 (the audit's own 未通过). */
  every?: boolean;
  /** Which part of the year: the audit, its execution (毕业执行), the certificates issued, 证书补发 (a lost one's 证明书). */
  view?: GraduationView;
  /** 毕业执行: which rows of the preview (to carry out, refused, done). */
  show?: "planned" | "refused" | "done";
  /** 证书名单: the year of issue, a major, a kind. */
  year?: number;
  majorId?: number;
  kind?: "graduation" | "completion";
}

export const GRADUATION_VIEWS = ["audit", "execute", "certificates", "replacement"] as const;
export type GraduationView = (typeof GRADUATION_VIEWS)[number];

/**
 * 毕业审核: run a cohort, results by college, drill down to a student's failing items, override, advance, export;
 * 毕业执行 (preview, carry out, refusals); the certificates issued (print, export); 补发毕业证明书 for a lost one.
 */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/graduation",
  validateSearch: (s: Record<string, unknown>): GraduationSearch => ({
    cohort: int(s.cohort),
    collegeId: int(s.collegeId),
    every: bool(s.every) || undefined,
    view: oneOf(s.view, GRADUATION_VIEWS),
    show: oneOf(s.show, ["planned", "refused", "done"] as const),
    year: int(s.year),
    majorId: int(s.majorId),
    kind: oneOf(s.kind, ["graduation", "completion"] as const),
  }),
  component: lazyRouteComponent(() => import("../pages/graduation/graduation-page"), "GraduationPage"),
});

export const nav: NavEntry = {
  to: "/graduation",
  label: "graduation",
  icon: HatGraduationRegular,
  permission: "graduation.read",
  order: 60,
};
