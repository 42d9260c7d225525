import { bool, int, oneOf } from "../../url/search-values";

export const GRADUATION_VIEWS = ["audit", "execute", "certificates", "replacement"] as const;
export type GraduationView = (typeof GRADUATION_VIEWS)[number];

export interface GraduationSearch {
  cohort?: number;
  /** The college drilled into (and the one whose list is executed). */
  collegeId?: number;
  /** The drill-down shows every outcome, not only 结业 (the audit's own 未通过). */
  every?: boolean;
  /** Which part of the year: the audit, its execution (毕业执行), the certificates issued, 证书补发 (a lost one's 证明书). */
  view?: GraduationView;
  /** 毕业执行: which rows of the preview (to carry out, refused, done). */
  show?: "planned" | "refused" | "done";
  /** 证书名单: the year of issue, a major, a kind. */
  year?: number;
  majorId?: number;
  kind?: "graduation" | "completion";
}

export function readGraduationSearch(s: Record<string, unknown>): GraduationSearch {
  return {
    cohort: int(s.cohort),
    collegeId: int(s.collegeId),
    every: bool(s.every) || undefined,
    view: oneOf(s.view, GRADUATION_VIEWS),
    show: oneOf(s.show, ["planned", "refused", "done"] as const),
    year: int(s.year),
    majorId: int(s.majorId),
    kind: oneOf(s.kind, ["graduation", "completion"] as const),
  };
}
