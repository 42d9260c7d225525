import { oneOf } from "../../url/search-values";

export const ORG_TABS = ["school", "colleges", "majors", "classes", "terms", "import"] as const;
export type OrgTab = (typeof ORG_TABS)[number];

export interface OrganisationSearch {
  tab?: OrgTab;
}

export function readOrganisationSearch(search: Record<string, unknown>): OrganisationSearch {
  return { tab: oneOf(search.tab, ORG_TABS) };
}
