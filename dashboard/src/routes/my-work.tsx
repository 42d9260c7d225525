import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "./root";

/** 我的待办: what waits at the signed-in user's stage, oldest deadline first. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/my-work",
  component: lazyRouteComponent(() => import("../pages/my-work/my-work-page"), "MyWorkPage"),
});
