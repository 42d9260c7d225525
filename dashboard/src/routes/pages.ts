import * as applicationDetail from "./application-detail";
import * as applications from "./applications";
import * as auditLog from "./audit-log";
import * as graduation from "./graduation";
import * as headcount from "./headcount";
import * as imports from "./imports";
import * as myWork from "./my-work";
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
 * Every page of the dashboard: one file per page under `routes/` exporting its `route`, listed here once. To
 * add a page: write `pages/<page>/search.ts` (its search params' type and reader), `routes/<page>.tsx` (path,
 * that reader, lazy component), add it to PAGES, and give it an entry in the menu (menu.ts) unless it is
 * reached from another page. The pages import their own search.ts, never the routes, which load them.
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
