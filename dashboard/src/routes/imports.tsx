import { ArrowUploadRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { i18n } from "../i18n";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { str } from "./search";

export interface ImportsSearch {
  /** The import whose report is shown. */
  id?: string;
  /** Issues shown: all, error, warning, info. */
  severity?: string;
  /** Issues and changes whose text holds this. */
  q?: string;
}

/** 导入 (registrar staff, administrators): students, admitted freshmen, results and accounts from sheets; dry run, then confirm. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/imports",
  validateSearch: (search: Record<string, unknown>): ImportsSearch => ({
    id: str(search.id),
    severity: str(search.severity),
    q: str(search.q),
  }),
  component: lazyRouteComponent(() => import("../pages/imports/imports-page"), "ImportsPage"),
});

// The menu's word is needed before the page loads; the page's own words come with it (imports-words.ts).
i18n.addResourceBundle("zh-CN", "translation", { nav: { imports: "导入" } }, true, false);
i18n.addResourceBundle("en", "translation", { nav: { imports: "Import" } }, true, false);

export const nav: NavEntry = { to: "/imports", label: "imports", icon: ArrowUploadRegular, permission: "imports.write", order: 95 };
