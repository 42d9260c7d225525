import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "./root";

/** One application: student, materials, timeline, before/after, decision, printable notice. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/applications/$id",
  component: lazyRouteComponent(() => import("../pages/applications/application-detail-page"), "ApplicationDetailPage"),
});
