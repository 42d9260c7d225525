// The route tree is in the first page's chunk and imports this file: the keys alone, not shared's index
// (which would bring every module of shared).
import { APPLICATION_TYPES, type ApplicationType } from "@xueji/shared/application-type-keys";
import type { RouterInputs } from "../../api/client";
import { bool, compact, int, oneOf, str, strList } from "../../url/search-values";

/** What the list may be grouped by: the server counts each group (`applications.groupCounts`). */
export type Grouping = RouterInputs["applications"]["groupCounts"]["by"];
export const GROUPINGS = ["type", "stage", "college", "state"] as const satisfies readonly Grouping[];

/** The list's whole state is in the URL: a link or a saved view reopens exactly this list. */
export interface ApplicationsSearch {
  view?: number;
  type?: ApplicationType;
  stage?: string;
  state?: "open" | "done" | "rejected";
  collegeId?: number;
  overdue?: boolean;
  sort?: "filed" | "due";
  dir?: "asc" | "desc";
  cols?: string[];
  group?: Grouping;
}

export function readApplicationsSearch(search: Record<string, unknown>): ApplicationsSearch {
  return {
    view: int(search.view),
    // A link naming a type that does not exist opens the unfiltered list.
    type: oneOf(search.type, APPLICATION_TYPES),
    stage: str(search.stage),
    state: oneOf(search.state, ["open", "done", "rejected"] as const),
    collegeId: int(search.collegeId),
    overdue: bool(search.overdue),
    sort: oneOf(search.sort, ["filed", "due"] as const),
    dir: oneOf(search.dir, ["asc", "desc"] as const),
    cols: strList(search.cols),
    // A link or an old view with an unknown grouping opens ungrouped rather than failing.
    group: oneOf(search.group, GROUPINGS),
  };
}

/** The search without unset members (what a saved view stores). */
export function compactSearch(search: ApplicationsSearch): ApplicationsSearch {
  return compact(search as Record<string, unknown>) as ApplicationsSearch;
}
