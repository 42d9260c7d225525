import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readHeadcountSearch } from "../pages/headcount/search";
import { appRoute } from "./root";

/** 学籍统计 (seed 001 十): headcount by college × major × grade × status as of a date, with its .xlsx. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/headcount",
  validateSearch: readHeadcountSearch,
  component: lazyRouteComponent(() => import("../pages/headcount/headcount-page"), "HeadcountPage"),
});
