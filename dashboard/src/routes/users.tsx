import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readUsersSearch } from "../pages/users/search";
import { appRoute } from "./root";

/** 用户 (admin): accounts, roles, colleges; create, disable, reset a password, end sessions. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/users",
  validateSearch: readUsersSearch,
  component: lazyRouteComponent(() => import("../pages/users/users-page"), "UsersPage"),
});
