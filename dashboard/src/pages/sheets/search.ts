import { int, str } from "../../url/search-values";

export interface SheetsSearch {
  termCode?: string;
  collegeId?: number;
  /** A receipt's eight characters, as the pane showed them to the secretary. */
  receipt?: string;
  /** The submission open beside the list. */
  open?: string;
}

export function readSheetsSearch(s: Record<string, unknown>): SheetsSearch {
  // A receipt in the address that is not one (edited by hand) is left out, rather than refused by the server. The
  // test is written here, not imported from shared: the search schemas load with the first page, which shared would swell.
  const receipt = str(s.receipt);
  return {
    termCode: str(s.termCode),
    collegeId: int(s.collegeId),
    receipt: receipt && /^[0-9a-f]{8}$/i.test(receipt) ? receipt : undefined,
    open: str(s.open),
  };
}
