import {
  AlertRegular,
  ArrowUploadRegular,
  BuildingMultipleRegular,
  ChartMultipleRegular,
  DataHistogramRegular,
  DocumentBulletListRegular,
  HatGraduationRegular,
  PeopleRegular,
  PeopleSearchRegular,
  PersonAvailableRegular,
  SettingsRegular,
  ShieldCheckmarkRegular,
  TableSimpleCheckmarkRegular,
  TaskListLtrRegular,
  TaskListSquareLtrRegular,
  WarningRegular,
} from "@fluentui/react-icons";
import { i18n } from "../i18n";
import type { NavEntry } from "./nav";

/**
 * The menu: one entry per page reached from it (a page reached from another, such as one application, has
 * none). Apart from the route tree, so that the shell and the pages can read the menu without importing the
 * routes, which load them.
 */
export const NAV: NavEntry[] = [
  { to: "/setup", label: "setup", icon: TaskListLtrRegular, permission: "organisation.read", order: 5 },
  { to: "/", label: "overview", icon: ChartMultipleRegular, permission: "applications.read", order: 10 },
  {
    to: "/my-work",
    label: "myWork",
    icon: TaskListSquareLtrRegular,
    permission: "applications.read",
    order: 20,
  },
  {
    to: "/applications",
    label: "applications",
    icon: DocumentBulletListRegular,
    permission: "applications.read",
    order: 30,
  },
  { to: "/sheets", label: "sheets", icon: TableSimpleCheckmarkRegular, permission: "sheets.read", order: 40 },
  // Those who register students: the registrar's staff and the colleges' secretaries (their own college, server-enforced).
  {
    to: "/registration",
    label: "registration",
    icon: PersonAvailableRegular,
    permission: "registration.write",
    order: 45,
  },
  { to: "/standing", label: "standing", icon: WarningRegular, permission: "pending.read", order: 50 },
  {
    to: "/graduation",
    label: "graduation",
    icon: HatGraduationRegular,
    permission: "graduation.read",
    order: 60,
  },
  { to: "/students", label: "students", icon: PeopleSearchRegular, permission: "students.read", order: 70 },
  { to: "/headcount", label: "headcount", icon: DataHistogramRegular, permission: "reports.read", order: 75 },
  { to: "/settings", label: "settings", icon: SettingsRegular, permission: "settings.read", order: 80 },
  {
    to: "/organisation",
    label: "organisation",
    icon: BuildingMultipleRegular,
    permission: "organisation.read",
    order: 85,
  },
  { to: "/audit-log", label: "auditLog", icon: ShieldCheckmarkRegular, permission: "auditLog.read", order: 90 },
  {
    to: "/notifications",
    label: "notifications",
    icon: AlertRegular,
    permission: "notifications.read",
    order: 95,
  },
  { to: "/imports", label: "imports", icon: ArrowUploadRegular, permission: "imports.write", order: 95 },
  { to: "/users", label: "users", icon: PeopleRegular, permission: "users.manage", order: 100 },
];

// The menu's word is needed before the page loads; the page's own words come with it (imports-words.ts).
i18n.addResourceBundle("zh-CN", "translation", { nav: { imports: "导入" } }, true, false);
i18n.addResourceBundle("en", "translation", { nav: { imports: "Import" } }, true, false);
