import { DataHistogramRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { int, str } from "./search";

export interface HeadcountSearch {
  /** As of the end of this day (China time); unset: today. */
  date?: string;
  collegeId?: number;
}

/** 学籍统计 (seed 001 十): headcount by college × major × grade × status as of a date, with its .xlsx. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/headcount",
  validateSearch: (s: Record<string, unknown>): HeadcountSearch => {
    const date = str(s.date);
    return { date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined, collegeId: int(s.collegeId) };
  },
  component: lazyRouteComponent(() => import("../pages/headcount/headcount-page"), "HeadcountPage"),
});

export const nav: NavEntry = { to: "/headcount", label: "headcount", icon: DataHistogramRegular, permission: "reports.read", order: 75 };
