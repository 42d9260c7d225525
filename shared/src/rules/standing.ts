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
  /**
   * Credits of courses failed again in a later term of the same year and, by the rule set's
   * `repeatFailureInYear: "once"`, not counted a second time (0 when none or when counted each time).
   */
  repeatCreditsNotCounted: number;
  /** The rule set that produced the outcome. */
  ruleSet: string;
}

interface CourseState {
  credits: number;
  failed: boolean;
  cleared: boolean;
  counted: boolean;
}

const isResit = (values: RowValues) => values.examType?.code === "makeup" || values.examType?.code === "retake";

/**
 * docs/domain.md §3 / seed 000 九. From failed-course rows: per student and term, the uncleared failed
 * credits of each course (counted once, however many rows mention it), then per academic year
 * the sum over its terms. Rows missing the student, term or credits cannot count and are skipped
 * (the sheet already reports them as errors).
 *
 * A row's term is the term its course belongs to (开课学期). A passed 补考/重修 clears the failure
 * of that term; when the sheet has no 考试学期 column to say so, a pass recorded in a later term
 * clears the latest earlier failure of the same course (matched by course code).
 */
export function computeStanding(rows: ReadonlyArray<{ values: RowValues }>, ruleSets: readonly StandingRuleSet[]): StandingResult[] {
  // student → course → term → state
  const byStudent = new Map<string, Map<string, Map<string, CourseState>>>();
  const passes: Array<{ studentNo: string; course: string; term: string; belongsToTerm: boolean }> = [];
  for (const { values } of rows) {
    const { studentNo, term, credits } = values;
    const course = values.courseCode || values.courseName;
    if (!studentNo || !term || credits === undefined || !course) continue;
    const rules = ruleSetFor(ruleSets, term.academicYear);
    const courses = byStudent.get(studentNo) ?? new Map<string, Map<string, CourseState>>();
    byStudent.set(studentNo, courses);
    const terms = courses.get(course) ?? new Map<string, CourseState>();
    courses.set(course, terms);
    const state = terms.get(term.code) ?? { credits, failed: false, cleared: false, counted: true };
    terms.set(term.code, state);
    state.credits = Math.max(state.credits, credits);
    const nature = values.courseNature?.code;
    if (rules.countedCourses === "required" && nature && !REQUIRED_NATURES.has(nature)) state.counted = false;
    const passed = values.score?.passed;
    // A row with no score is on the sheet because the course was failed.
    if (passed === false || values.score === undefined) state.failed = true;
    // A 考试学期 column (examTerm) means `term` is the course's own term, so the pass is placed there.
    if (passed === true && isResit(values))
      passes.push({ studentNo, course, term: term.code, belongsToTerm: values.examTerm !== undefined });
  }

  for (const pass of passes) {
    const terms = byStudent.get(pass.studentNo)?.get(pass.course);
    if (!terms) continue;
    const target = terms.get(pass.term)?.failed
      ? pass.term
      : pass.belongsToTerm
        ? undefined
        : [...terms.keys()]
            .filter((t) => t < pass.term && terms.get(t)?.failed && !terms.get(t)?.cleared)
            .sort()
            .at(-1);
    if (target === undefined) continue;
    const state = terms.get(target);
    if (state && ruleSetFor(ruleSets, target.slice(0, 9)).passedMakeUpClears) state.cleared = true;
  }

  const results: StandingResult[] = [];
  for (const [studentNo, courses] of byStudent) {
    // term → credits counted, and credits not counted again because the course failed earlier in the year.
    const termCredits = new Map<string, { counted: number; notAgain: number }>();
    for (const terms of courses.values()) {
      const failedYears = new Set<string>();
      for (const [termCode, c] of [...terms].sort(([a], [b]) => a.localeCompare(b))) {
        const figures = termCredits.get(termCode) ?? { counted: 0, notAgain: 0 };
        termCredits.set(termCode, figures);
        if (!c.failed || c.cleared || !c.counted) continue;
        const year = termCode.slice(0, 9);
        const once = (ruleSetFor(ruleSets, year).repeatFailureInYear ?? "once") === "once";
        if (once && failedYears.has(year)) figures.notAgain += c.credits;
        else figures.counted += c.credits;
        failedYears.add(year);
      }
    }
    const years = new Map<string, StandingResult>();
    for (const [termCode, figures] of [...termCredits].sort(([a], [b]) => a.localeCompare(b))) {
      const academicYear = termCode.slice(0, 9);
      const rules = ruleSetFor(ruleSets, academicYear);
      let year = years.get(academicYear);
      if (!year) {
        year = {
          studentNo,
          academicYear,
          terms: [],
          yearFailedCredits: 0,
          yearOutcome: "none",
          repeatCreditsNotCounted: 0,
          ruleSet: rules.id,
        };
        years.set(academicYear, year);
        results.push(year);
      }
      year.terms.push({ term: termCode, failedCredits: figures.counted, outcome: termOutcome(rules, figures.counted) });
      year.yearFailedCredits += figures.counted;
      year.repeatCreditsNotCounted += figures.notAgain;
      year.yearOutcome = yearOutcome(rules, year.yearFailedCredits);
    }
  }
  return results.sort((a, b) => a.studentNo.localeCompare(b.studentNo) || a.academicYear.localeCompare(b.academicYear));
}

/** The outcome a student's year is known by: the year outcome outranks the term warnings (docs/domain.md §3). */
export function strongestOutcome(s: Pick<StandingResult, "terms" | "yearOutcome">): TermOutcome | YearOutcome {
  if (s.yearOutcome !== "none") return s.yearOutcome;
  if (s.terms.some((t) => t.outcome === "warning-2")) return "warning-2";
  if (s.terms.some((t) => t.outcome === "warning-1")) return "warning-1";
  return "none";
}
