import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
// In the first page's chunk: the role rules alone, not the index (which would bring every module of shared).
import { isLeader, scopeOf } from "@xueji/shared/roles";
import { meQuery } from "../api/auth";
import { auditPassRatesQuery, leadTimesQuery, pipelineQuery, sheetProgressQuery, standingByCollegeQuery } from "../api/overview";
import { referenceQuery } from "../api/reference";
import { overviewQueries, readOverviewSearch } from "../pages/overview/search";
import { appRoute } from "./root";

/** 总览: the pipeline heat map, colleges' check sheets against the calendar, standing, leaders' charts. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  validateSearch: readOverviewSearch,
  loaderDeps: ({ search }) => search,
  // Every query of the page in the same tick as the shell's `auth.me`: httpBatchLink sends them as one request.
  loader: ({ context, deps }) => {
    const { queryClient } = context;
    const role = queryClient.getQueryData(meQuery().queryKey)?.role;
    const q = overviewQueries(deps);
    void queryClient.prefetchQuery(referenceQuery());
    void queryClient.prefetchQuery(pipelineQuery(q.pipeline));
    // Before sign-in the role is unknown: ask for all; the server refuses what the role may not see.
    const may = (p: Parameters<typeof scopeOf>[0]) => !role || scopeOf(p, role) !== null;
    if (may("sheets.read")) void queryClient.prefetchQuery(sheetProgressQuery(q.sheets));
    if (may("pending.read")) void queryClient.prefetchQuery(standingByCollegeQuery(q.standing));
    if (!role || isLeader(role)) {
      void queryClient.prefetchQuery(leadTimesQuery(q.leadTimes));
      void queryClient.prefetchQuery(auditPassRatesQuery(q.audits));
    }
  },
  component: lazyRouteComponent(() => import("../pages/overview/overview-page"), "OverviewPage"),
});
