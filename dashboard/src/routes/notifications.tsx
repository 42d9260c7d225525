import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "./root";

/** 通知: the reminders' channels and every message sent, waiting or failed, with its reason. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/notifications",
  component: lazyRouteComponent(() => import("../pages/notifications/notifications-page"), "NotificationsPage"),
});
