import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readSheetsSearch } from "../pages/sheets/search";
import { appRoute } from "./root";

/** 核对表: submissions by college and term, one opened with rows, issues and the change from the last version; accept or return. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/sheets",
  validateSearch: readSheetsSearch,
  component: lazyRouteComponent(() => import("../pages/sheets/sheets-page"), "SheetsPage"),
});
