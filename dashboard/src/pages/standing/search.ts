import { int, oneOf, str } from "../../url/search-values";

export const STANDING_KINDS = ["warning-1", "warning-2", "repeat", "dismissal"] as const;

export interface StandingSearch {
  academicYear?: string;
  kind?: (typeof STANDING_KINDS)[number];
  collegeId?: number;
}

export function readStandingSearch(s: Record<string, unknown>): StandingSearch {
  return { academicYear: str(s.academicYear), kind: oneOf(s.kind, STANDING_KINDS), collegeId: int(s.collegeId) };
}
