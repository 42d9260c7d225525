import type { Permission, SetupItem } from "@xueji/shared";

/** Where each set-up item is done, and who may go there (a link is shown only to a role that may). */
export const SETUP_LINKS: Record<SetupItem, { to: string; search: Record<string, string>; permission: Permission }> = {
  school: { to: "/organisation", search: { tab: "school" }, permission: "organisation.read" },
  organisation: { to: "/organisation", search: { tab: "colleges" }, permission: "organisation.read" },
  terms: { to: "/organisation", search: { tab: "terms" }, permission: "organisation.read" },
  holidays: { to: "/settings", search: { kind: "holidays", key: "cn" }, permission: "settings.read" },
  "registrar-calendar": { to: "/settings", search: { kind: "registrar-calendar", key: "default" }, permission: "settings.read" },
  secretaries: { to: "/users", search: {}, permission: "users.manage" },
  // The record comes in through the students/results import (the 导入 page, built beside this one).
  record: { to: "/students", search: {}, permission: "students.read" },
};
