import { WarningRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { int, oneOf, str } from "./search";

export const STANDING_KINDS = ["warning-1", "warning-2", "repeat", "dismissal"] as const;

export interface StandingSearch {
  academicYear?: string;
  kind?: (typeof STANDING_KINDS)[number];
  collegeId?: number;
}

/** 学业预警: pending 学业警示/留级/退学 with the credits behind them; lift a warning; 退学 → 退学处理. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/standing",
  validateSearch: (s: Record<string, unknown>): StandingSearch => ({
    academicYear: str(s.academicYear),
    kind: oneOf(s.kind, STANDING_KINDS),
    collegeId: int(s.collegeId),
  }),
  component: lazyRouteComponent(() => import("../pages/standing/standing-page"), "StandingPage"),
});

export const nav: NavEntry = { to: "/standing", label: "standing", icon: WarningRegular, permission: "pending.read", order: 50 };
