import { REQUIRED_NATURES } from "../codes/course";
import type { RowValues } from "../sheets/values";
import { ruleSetFor, type StandingRuleSet, type TermOutcome, termOutcome, type YearOutcome, yearOutcome } from "./rule-set";

/** A student's failed credits in one academic year, per term and in total, with the outcomes. */
export interface StandingResult {
  studentNo: string;
  academicYear: string;
  terms: Array<{ term: string; failedCredits: number; outcome: TermOutcome }>;
  yearFailedCredits: number;
  yearOutcome: YearOutcome;
  /** The rule set that produced the outcome. */
  ruleSet: string;
}

interface CourseState {
  credits: number;
  failed: boolean;
  cleared: boolean;
  counted: boolean;
}

/**
 * DOMAIN.md §3 / seed 000 九. From failed-course rows: per student and term, the uncleared failed
 * credits of each course (counted once, however many rows mention it), then per academic year
 * the sum over its terms. Rows missing the student, term or credits cannot count and are skipped
 * (the sheet already reports them as errors).
 */
export function computeStanding(rows: ReadonlyArray<{ values: RowValues }>, ruleSets: readonly StandingRuleSet[]): StandingResult[] {
  // student → term → course → state
  const byStudent = new Map<string, Map<string, Map<string, CourseState>>>();
  for (const { values } of rows) {
    const { studentNo, term, credits } = values;
    const course = values.courseCode || values.courseName;
    if (!studentNo || !term || credits === undefined || !course) continue;
    const rules = ruleSetFor(ruleSets, term.academicYear);
    const terms = byStudent.get(studentNo) ?? new Map<string, Map<string, CourseState>>();
    byStudent.set(studentNo, terms);
    const courses = terms.get(term.code) ?? new Map<string, CourseState>();
    terms.set(term.code, courses);
    const state = courses.get(course) ?? { credits, failed: false, cleared: false, counted: true };
    state.credits = Math.max(state.credits, credits);
    const nature = values.courseNature?.code;
    if (rules.countedCourses === "required" && nature && !REQUIRED_NATURES.has(nature)) state.counted = false;
    const passed = values.score?.passed;
    const isMakeUp = values.examType?.code === "makeup" || values.examType?.code === "retake";
    // A row with no score is on the sheet because the course was failed.
    if (passed === false || values.score === undefined) state.failed = true;
    if (passed === true && isMakeUp && rules.passedMakeUpClears) state.cleared = true;
    courses.set(course, state);
  }

  const results: StandingResult[] = [];
  for (const [studentNo, terms] of byStudent) {
    const years = new Map<string, StandingResult>();
    for (const [termCode, courses] of [...terms].sort(([a], [b]) => a.localeCompare(b))) {
      const academicYear = termCode.slice(0, 9);
      const rules = ruleSetFor(ruleSets, academicYear);
      let failedCredits = 0;
      for (const c of courses.values()) if (c.failed && !c.cleared && c.counted) failedCredits += c.credits;
      let year = years.get(academicYear);
      if (!year) {
        year = { studentNo, academicYear, terms: [], yearFailedCredits: 0, yearOutcome: "none", ruleSet: rules.id };
        years.set(academicYear, year);
        results.push(year);
      }
      year.terms.push({ term: termCode, failedCredits, outcome: termOutcome(rules, failedCredits) });
      year.yearFailedCredits += failedCredits;
      year.yearOutcome = yearOutcome(rules, year.yearFailedCredits);
    }
  }
  return results.sort((a, b) => a.studentNo.localeCompare(b.studentNo) || a.academicYear.localeCompare(b.academicYear));
}
