import { PeopleRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { str } from "./search";

export interface UsersSearch {
  q?: string;
}

/** 用户 (admin): accounts, roles, colleges; create, disable, reset a password, end sessions. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/users",
  validateSearch: (search: Record<string, unknown>): UsersSearch => ({ q: str(search.q) }),
  component: lazyRouteComponent(() => import("../pages/users/users-page"), "UsersPage"),
});

export const nav: NavEntry = { to: "/users", label: "users", icon: PeopleRegular, permission: "users.manage", order: 100 };
