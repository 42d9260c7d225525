import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readSettingsSearch } from "../pages/settings/search";
import { appRoute } from "./root";

/** 设置: every kind of setting with an editor generated from its JSON Schema; draft, preview, publish, history. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  validateSearch: readSettingsSearch,
  component: lazyRouteComponent(() => import("../pages/settings/settings-page"), "SettingsPage"),
});
