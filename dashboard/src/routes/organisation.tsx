import { BuildingMultipleRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { oneOf } from "./search";

export const ORG_TABS = ["school", "colleges", "majors", "classes", "terms", "import"] as const;
export type OrgTab = (typeof ORG_TABS)[number];

export interface OrganisationSearch {
  tab?: OrgTab;
}

/** 组织机构: the school, colleges, majors, classes and terms; create, edit, retire, and the organisation import. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/organisation",
  validateSearch: (search: Record<string, unknown>): OrganisationSearch => ({ tab: oneOf(search.tab, ORG_TABS) }),
  component: lazyRouteComponent(() => import("../pages/organisation/organisation-page"), "OrganisationPage"),
});

export const nav: NavEntry = {
  to: "/organisation",
  label: "organisation",
  icon: BuildingMultipleRegular,
  permission: "organisation.read",
  order: 85,
};
