import type { Permission, SetupItem } from "@xueji/shared";

/** Where each set-up item is done, and who may go there (a link is shown only to a role that may). */
export const SETUP_LINKS: Record<SetupItem, { to: string; search: Record<string, string>; permission: Permission }> = {
  school: { to: "/organisation", search: { tab: "school" }, permission: "organisation.read" },
  organisation: { to: "/organisation", search: { tab: "colleges" }, permission: "organisation.read" },
  terms: { to: "/organisation", search: { tab: "terms" }, permission: "organisation.read" },
  holidays: { to: "/settings", search: { kind: "holidays", key: "cn" }, permission: "settings.read" },
  "registrar-calendar": { to: "/settings", search: { kind: "registrar-calendar", key: "default" }, permission: "settings.read" },
  secretaries: { to: "/users", search: {}, permission: "users.manage" },
  // The record (students, admitted freshmen, results) comes in on the 导入 page.
  record: { to: "/imports", search: {}, permission: "imports.write" },
};
