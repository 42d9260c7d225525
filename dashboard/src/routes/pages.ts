import * as applications from "./applications";
import * as auditLog from "./audit-log";
import type { NavEntry } from "./nav";
import * as overview from "./overview";
import * as settings from "./settings";
import * as users from "./users";

/**
 * Every page of the dashboard: one file per page under `routes/` exporting its `route` and `nav` entry,
 * listed here once. To add a page: write `routes/<page>.tsx` (path, search params, lazy component,
 * permission) and add it to PAGES.
 */
export const PAGES = [overview, applications, settings, auditLog, users] as const;

export const NAV: NavEntry[] = PAGES.map((page) => page.nav);
