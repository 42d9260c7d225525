/**
 * The academic-standing rules (学籍处理) as data, versioned by the academic year from which they
 * apply. Bands are half-open: a band applies from `from` (inclusive) up to the next band's
 * `from` (exclusive), so with credits in halves 19.5 is still a level-1 warning.
 */
export type TermOutcome = "none" | "warning-1" | "warning-2";
export type YearOutcome = "none" | "repeat" | "dismissal";

export interface StandingRuleSet {
  id: string;
  /** First academic year the rules apply to, e.g. 2025-2026. */
  validFrom: string;
  source: string;
  termBands: ReadonlyArray<{ from: number; outcome: Exclude<TermOutcome, "none"> }>;
  yearBands: ReadonlyArray<{ from: number; outcome: Exclude<YearOutcome, "none"> }>;
  /** Which failed courses count: all of them, or required ones only (必修 and 实践). */
  countedCourses: "all" | "required";
  /**
   * Whether a passed 补考 or 重修 clears the failure of the same course — in the term the course
   * belongs to, even when it is sat in a later term (seed 004: 组织上学期课程考核不合格学生的补考).
   */
  passedMakeUpClears: boolean;
  /**
   * The same course failed again later in the same academic year (正考 in term 1, 重修 in term 2):
   * the seeds are silent, so it is a setting; `once` (what most schools do, the default) counts
   * its credits in the first term only, `each` counts them in every term they were failed.
   * Optional so rule sets saved before it existed read as `once`.
   */
  repeatFailureInYear?: "once" | "each";
}

// seed 000 九: 一学期不合格学分 12-19 一级学业警示, 20-27 二级; 学年累计 28-35 留级, 36 及以上 退学.
export const DEFAULT_STANDING_RULES: StandingRuleSet = {
  id: "seed-000-9",
  validFrom: "2000-2001",
  source: "seed 000 九",
  termBands: [
    { from: 12, outcome: "warning-1" },
    { from: 20, outcome: "warning-2" },
  ],
  yearBands: [
    { from: 28, outcome: "repeat" },
    { from: 36, outcome: "dismissal" },
  ],
  countedCourses: "all",
  passedMakeUpClears: true,
  repeatFailureInYear: "once",
};

function band<T extends string>(bands: ReadonlyArray<{ from: number; outcome: T }>, credits: number): T | "none" {
  let outcome: T | "none" = "none";
  for (const b of [...bands].sort((x, y) => x.from - y.from)) if (credits >= b.from) outcome = b.outcome;
  return outcome;
}

export function termOutcome(rules: StandingRuleSet, credits: number): TermOutcome {
  return band(rules.termBands, credits);
}

export function yearOutcome(rules: StandingRuleSet, credits: number): YearOutcome {
  return band(rules.yearBands, credits);
}

/** The rule set in force for an academic year: the latest whose validFrom is not after it. */
export function ruleSetFor(ruleSets: readonly StandingRuleSet[], academicYear: string): StandingRuleSet {
  const applicable = ruleSets.filter((r) => r.validFrom <= academicYear).sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return applicable[0] ?? DEFAULT_STANDING_RULES;
}
