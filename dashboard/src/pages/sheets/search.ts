import { int, str } from "../../url/search-values";

export interface SheetsSearch {
  termCode?: string;
  collegeId?: number;
  /** The submission open beside the list. */
  open?: string;
}

export function readSheetsSearch(s: Record<string, unknown>): SheetsSearch {
  return { termCode: str(s.termCode), collegeId: int(s.collegeId), open: str(s.open) };
}
