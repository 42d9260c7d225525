import * as applicationDetail from "./application-detail";
import * as applications from "./applications";
import * as auditLog from "./audit-log";
import * as graduation from "./graduation";
import * as headcount from "./headcount";
import * as imports from "./imports";
import * as myWork from "./my-work";
import type { NavEntry } from "./nav";
import * as notifications from "./notifications";
import * as organisation from "./organisation";
import * as overview from "./overview";
import * as registration from "./registration";
import * as settings from "./settings";
import * as setup from "./setup";
import * as sheets from "./sheets";
import * as standing from "./standing";
import * as students from "./students";
import * as users from "./users";

/**
 * Every page of the dashboard: one file per page under `routes/` exporting its `route` and its `nav` entry
 * (null: reached from another page, not the menu), listed here once. To add a page: write
 * `routes/<page>.tsx` (path, search params, lazy component, permission) and add it to PAGES.
 */
export const PAGES = [
  overview,
  myWork,
  applications,
  applicationDetail,
  sheets,
  standing,
  registration,
  graduation,
  students,
  headcount,
  settings,
  auditLog,
  notifications,
  users,
  organisation,
  setup,
  imports,
] as const;

export const NAV: NavEntry[] = PAGES.flatMap((page) => (page.nav ? [page.nav] : []));
