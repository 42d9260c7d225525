import { oneOf, str } from "../../url/search-values";

export interface SettingsSearch {
  kind?: string;
  key?: string;
  tab?: "draft" | "history";
  year?: string;
}

export function readSettingsSearch(search: Record<string, unknown>): SettingsSearch {
  return {
    kind: str(search.kind),
    key: str(search.key),
    tab: oneOf(search.tab, ["draft", "history"] as const),
    year: str(search.year),
  };
}
