import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readOrganisationSearch } from "../pages/organisation/search";
import { appRoute } from "./root";

/** 组织机构: the school, colleges, majors, classes and terms; create, edit, retire, and the organisation import. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/organisation",
  validateSearch: readOrganisationSearch,
  component: lazyRouteComponent(() => import("../pages/organisation/organisation-page"), "OrganisationPage"),
});
