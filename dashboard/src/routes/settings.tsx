import { SettingsRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { oneOf, str } from "./search";

export interface SettingsSearch {
  kind?: string;
  key?: string;
  tab?: "draft" | "history";
  year?: string;
}

/** 设置: every kind of setting with an editor generated from its JSON Schema; draft, preview, publish, history. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  validateSearch: (search: Record<string, unknown>): SettingsSearch => ({
    kind: str(search.kind),
    key: str(search.key),
    tab: oneOf(search.tab, ["draft", "history"] as const),
    year: str(search.year),
  }),
  component: lazyRouteComponent(() => import("../pages/settings/settings-page"), "SettingsPage"),
});

export const nav: NavEntry = { to: "/settings", label: "settings", icon: SettingsRegular, permission: "settings.read", order: 80 };
