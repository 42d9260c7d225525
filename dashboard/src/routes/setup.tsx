import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "./root";

/** 开始使用: what a new database still lacks before Xueji is usable, each item with its link. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/setup",
  component: lazyRouteComponent(() => import("../pages/setup/setup-page"), "SetupPage"),
});
