import { ChartMultipleRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { int, str } from "./search";

export interface OverviewSearch {
  collegeId?: number;
  termCode?: string;
}

/** 总览: the pipeline heat map, colleges' check sheets against the calendar, standing, leaders' charts. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  validateSearch: (search: Record<string, unknown>): OverviewSearch => ({
    collegeId: int(search.collegeId),
    termCode: str(search.termCode),
  }),
  component: lazyRouteComponent(() => import("../pages/overview/overview-page"), "OverviewPage"),
});

export const nav: NavEntry = { to: "/", label: "overview", icon: ChartMultipleRegular, permission: "applications.read", order: 10 };
