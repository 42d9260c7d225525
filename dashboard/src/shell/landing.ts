import type { Role } from "@xueji/shared";
import { NAV } from "../routes/menu";
import type { NavEntry } from "../routes/nav";
import { may } from "./use-me";

/** The pages a role may open, in menu order: the menu and "where to go instead" read the same list. */
export function pagesOf(role: Role): NavEntry[] {
  return NAV.filter((entry) => may(role, entry.permission)).sort((a, b) => a.order - b.order);
}

/**
 * Where a role's day starts when the menu's order says otherwise: the administrator may read and change
 * settings (before 用户 in the menu), but their own work is the accounts.
 */
const START: Partial<Record<Role, string>> = { admin: "/users" };

/** The page a role starts on: its own start page, else the first one in its menu (every role holds one). */
export function firstPageOf(role: Role): NavEntry | undefined {
  const pages = pagesOf(role);
  return pages.find((page) => page.to === START[role]) ?? pages[0];
}

/**
 * The address the user was on when they signed in. Signing in keeps the URL (the form shows in place), so
 * someone signing in where the previous user was would "land" on a page that is not theirs: that landing is
 * sent to their first page, whereas a link followed while signed in is answered plainly with "no permission".
 * Any navigation changes the address, so the mark lapses by itself.
 */
let signedInAt: string | null = null;

export function markSignedIn(href: string): void {
  signedInAt = href;
}

export function justSignedInAt(href: string): boolean {
  return signedInAt === href;
}
