import type { Role } from "@xueji/shared/roles";
import { int, str } from "../../url/search-values";

export interface OverviewSearch {
  collegeId?: number;
  termCode?: string;
}

export function readOverviewSearch(search: Record<string, unknown>): OverviewSearch {
  return { collegeId: int(search.collegeId), termCode: str(search.termCode) };
}

/** The inputs of every query the overview asks, so the route's loader and the page ask the very same ones. */
export function overviewQueries(search: OverviewSearch, _role?: Role) {
  return {
    pipeline: { collegeId: search.collegeId },
    sheets: { termCode: search.termCode, collegeId: search.collegeId },
    standing: { collegeId: search.collegeId },
    leadTimes: { collegeId: search.collegeId },
    audits: { collegeId: search.collegeId },
  };
}
