import { int, str } from "../../url/search-values";

export interface HeadcountSearch {
  /** As of the end of this day (China time); unset: today. */
  date?: string;
  collegeId?: number;
}

export function readHeadcountSearch(s: Record<string, unknown>): HeadcountSearch {
  const date = str(s.date);
  return { date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined, collegeId: int(s.collegeId) };
}
