import { TaskListSquareLtrRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";

/** 我的待办: what waits at the signed-in user's stage, oldest deadline first. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/my-work",
  component: lazyRouteComponent(() => import("../pages/my-work/my-work-page"), "MyWorkPage"),
});

export const nav: NavEntry = {
  to: "/my-work",
  label: "myWork",
  icon: TaskListSquareLtrRegular,
  permission: "applications.read",
  order: 20,
};
