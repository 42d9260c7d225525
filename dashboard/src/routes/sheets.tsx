import { TableSimpleCheckmarkRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { int, str } from "./search";

export interface SheetsSearch {
  termCode?: string;
  collegeId?: number;
  /** The submission open beside the list. */
  open?: string;
}

/** 核对表: submissions by college and term, one opened with rows, issues and the change from the last version; accept or return. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/sheets",
  validateSearch: (s: Record<string, unknown>): SheetsSearch => ({
    termCode: str(s.termCode),
    collegeId: int(s.collegeId),
    open: str(s.open),
  }),
  component: lazyRouteComponent(() => import("../pages/sheets/sheets-page"), "SheetsPage"),
});

export const nav: NavEntry = { to: "/sheets", label: "sheets", icon: TableSimpleCheckmarkRegular, permission: "sheets.read", order: 40 };
