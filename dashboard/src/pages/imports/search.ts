import { str } from "../../url/search-values";

export interface ImportsSearch {
  /** The import whose report is shown. */
  id?: string;
  /** Issues shown: all, error, warning, info. */
  severity?: string;
  /** Issues and changes whose text holds this. */
  q?: string;
}

export function readImportsSearch(search: Record<string, unknown>): ImportsSearch {
  return { id: str(search.id), severity: str(search.severity), q: str(search.q) };
}
