import type { FluentIcon } from "@fluentui/react-icons";
import type { Permission } from "@xueji/shared";

/**
 * A page's entry in the navigation. The server decides what a role may do; the menu shows a page only to
 * roles that hold `permission` (shared/src/auth/roles.ts), so a menu never offers what the server refuses.
 */
export interface NavEntry {
  to: string;
  /** i18n key under `nav.` */
  label: string;
  icon: FluentIcon;
  permission: Permission;
  /** Position in the menu (10, 20 … so pages can slot in). */
  order: number;
}
