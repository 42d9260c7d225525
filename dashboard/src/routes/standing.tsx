import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readStandingSearch } from "../pages/standing/search";
import { appRoute } from "./root";

/** 学业预警: pending 学业警示/留级/退学 with the credits behind them; lift a warning; 退学 → 退学处理. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/standing",
  validateSearch: readStandingSearch,
  component: lazyRouteComponent(() => import("../pages/standing/standing-page"), "StandingPage"),
});
