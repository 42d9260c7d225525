import type { Permission, SetupItem } from "@xueji/shared";

/**
 * Where each set-up item is done, and who may go there (a link is shown only to a role that may).
 * `page` is the destination's name in the menu (`nav.*`), for a link that names where it goes.
 * The 开始使用 page and the system warnings banner both read this, so an item links to one place.
 */
export const SETUP_LINKS: Record<SetupItem, { to: string; search: Record<string, string>; permission: Permission; page: string }> = {
  school: { to: "/organisation", search: { tab: "school" }, permission: "organisation.read", page: "organisation" },
  organisation: { to: "/organisation", search: { tab: "colleges" }, permission: "organisation.read", page: "organisation" },
  terms: { to: "/organisation", search: { tab: "terms" }, permission: "organisation.read", page: "organisation" },
  holidays: { to: "/settings", search: { kind: "holidays", key: "cn" }, permission: "settings.read", page: "settings" },
  "registrar-calendar": {
    to: "/settings",
    search: { kind: "registrar-calendar", key: "default" },
    permission: "settings.read",
    page: "settings",
  },
  secretaries: { to: "/users", search: {}, permission: "users.manage", page: "users" },
  // The record (students, admitted freshmen, results) comes in on the 导入 page.
  record: { to: "/imports", search: {}, permission: "imports.write", page: "imports" },
};

/** The set-up item a server warning is about: the holiday calendar's own code, else `setup.<item>`. */
export function setupItemOfWarning(code: string): SetupItem | null {
  if (code === "calendar.holidays-missing") return "holidays";
  const item = code.startsWith("setup.") ? code.slice("setup.".length) : "";
  return Object.hasOwn(SETUP_LINKS, item) ? (item as SetupItem) : null;
}
