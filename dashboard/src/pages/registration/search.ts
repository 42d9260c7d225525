import { int, oneOf, str } from "../../url/search-values";

/** The returning-student list's filter: registered, 暂缓注册, or none yet. */
export const REGISTRATION_FILTERS = ["registered", "deferred", "none"] as const;

export interface RegistrationSearch {
  academicYear?: string;
  collegeId?: number;
  status?: (typeof REGISTRATION_FILTERS)[number];
}

export function readRegistrationSearch(s: Record<string, unknown>): RegistrationSearch {
  const academicYear = str(s.academicYear);
  return {
    academicYear: academicYear && /^\d{4}-\d{4}$/.test(academicYear) ? academicYear : undefined,
    collegeId: int(s.collegeId),
    status: oneOf(s.status, REGISTRATION_FILTERS),
  };
}
