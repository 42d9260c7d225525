import { describe, expect, it } from "vitest";
import { termOf } from "../fields/term";
import type { RowValues } from "../sheets/values";
import { DEFAULT_STANDING_RULES, type StandingRuleSet, termOutcome, yearOutcome } from "./rule-set";
import { computeStanding } from "./standing";

describe("default standing rules pin seed 000 九", () => {
  it.each([
    [0, "none"],
    [11, "none"],
    [11.5, "none"],
    [12, "warning-1"],
    [19, "warning-1"],
    [19.5, "warning-1"],
    [20, "warning-2"],
    [27, "warning-2"],
    [27.5, "warning-2"],
    [28, "warning-2"],
  ] as const)("term %s failed credits → %s", (credits, outcome) => {
    expect(termOutcome(DEFAULT_STANDING_RULES, credits)).toBe(outcome);
  });

  it.each([
    [27, "none"],
    [27.5, "none"],
    [28, "repeat"],
    [35, "repeat"],
    [35.5, "repeat"],
    [36, "dismissal"],
    [60, "dismissal"],
  ] as const)("year %s failed credits → %s", (credits, outcome) => {
    expect(yearOutcome(DEFAULT_STANDING_RULES, credits)).toBe(outcome);
  });
});

function row(studentNo: string, term: string, course: string, credits: number, extra: Partial<RowValues> = {}) {
  const [a, , s] = term.split("-");
  return { values: { studentNo, term: termOf(Number(a), Number(s) as 1 | 2), courseName: course, credits, ...extra } };
}
const fail = { score: { kind: "mark", mark: 40, label: "40", passed: false } } as const;
const pass = { score: { kind: "mark", mark: 70, label: "70", passed: true } } as const;
const makeup = { code: "makeup", name: "补考" };

describe("computeStanding", () => {
  it("sums each term and the year, counting a course once", () => {
    const rows = [
      row("S1", "2025-2026-1", "高等数学", 6, fail),
      row("S1", "2025-2026-1", "高等数学", 6, fail), // the same failure listed twice
      row("S1", "2025-2026-1", "大学物理", 6.5, fail),
      row("S1", "2025-2026-2", "线性代数", 16, fail),
    ];
    expect(computeStanding(rows, [DEFAULT_STANDING_RULES])).toEqual([
      {
        studentNo: "S1",
        academicYear: "2025-2026",
        terms: [
          { term: "2025-2026-1", failedCredits: 12.5, outcome: "warning-1" },
          { term: "2025-2026-2", failedCredits: 16, outcome: "warning-1" },
        ],
        yearFailedCredits: 28.5,
        yearOutcome: "repeat",
        repeatCreditsNotCounted: 0,
        ruleSet: "seed-000-9",
      },
    ]);
  });

  it("clears a failure passed at the make-up exam, unless the rule set says otherwise", () => {
    const rows = [row("S2", "2025-2026-1", "英语", 12, fail), row("S2", "2025-2026-1", "英语", 12, { ...pass, examType: makeup })];
    expect(computeStanding(rows, [DEFAULT_STANDING_RULES])[0]?.terms[0]?.failedCredits).toBe(0);
    const strict: StandingRuleSet = { ...DEFAULT_STANDING_RULES, id: "strict", passedMakeUpClears: false };
    expect(computeStanding(rows, [strict])[0]?.terms[0]).toEqual({ term: "2025-2026-1", failedCredits: 12, outcome: "warning-1" });
  });

  it("counts required courses only when the rule set says so, from the academic year it is valid", () => {
    const elective = { courseNature: { code: "public-elective", name: "公共选修课" } };
    const rows = [row("S3", "2025-2026-1", "A", 10, fail), row("S3", "2025-2026-1", "B", 4, { ...fail, ...elective })];
    const requiredOnly: StandingRuleSet = {
      ...DEFAULT_STANDING_RULES,
      id: "required-2025",
      validFrom: "2025-2026",
      countedCourses: "required",
    };
    expect(computeStanding(rows, [DEFAULT_STANDING_RULES])[0]?.terms[0]?.failedCredits).toBe(14);
    expect(computeStanding(rows, [DEFAULT_STANDING_RULES, requiredOnly])[0]).toMatchObject({
      ruleSet: "required-2025",
      yearFailedCredits: 10,
    });
    const later: StandingRuleSet = { ...requiredOnly, validFrom: "2026-2027" };
    expect(computeStanding(rows, [DEFAULT_STANDING_RULES, later])[0]?.yearFailedCredits).toBe(14);
  });
});

// Academic standing (seed 000 九, seed 004 二.2): each rule pinned to its seed sentence.
describe("resits and repeats across terms", () => {
  const retake = { code: "retake", name: "重修" };
  const regular = { code: "regular", name: "正考" };
  const code = (c: string) => ({ courseCode: c });

  it("seed 004 组织补考: “组织上学期课程考核不合格学生的补考” — a 补考 passed in a later term clears the failure of the term it belongs to", () => {
    // No 考试学期 column: the pass is recorded in the term it was sat; it is matched by course code.
    const rows = [
      row("S5", "2025-2026-1", "高等数学", 14, { ...fail, ...code("MA101") }),
      row("S5", "2025-2026-2", "高等数学（补考）", 14, { ...pass, ...code("MA101"), examType: makeup }),
    ];
    const [year] = computeStanding(rows, [DEFAULT_STANDING_RULES]);
    expect(year?.terms).toEqual([
      { term: "2025-2026-1", failedCredits: 0, outcome: "none" },
      { term: "2025-2026-2", failedCredits: 0, outcome: "none" },
    ]);
    // Before this, only a pass in the same term cleared it: the autumn warning stayed.
    const otherCourse = [
      rows[0] as (typeof rows)[0],
      row("S5", "2025-2026-2", "线性代数", 14, { ...pass, ...code("MA102"), examType: makeup }),
    ];
    expect(computeStanding(otherCourse, [DEFAULT_STANDING_RULES])[0]?.terms[0]).toEqual({
      term: "2025-2026-1",
      failedCredits: 14,
      outcome: "warning-1",
    });
  });

  it("a 考试学期 column beside 开课学期 says which is which: the row's term is the course's own term", () => {
    const rows = [
      row("S6", "2025-2026-1", "大学英语", 12, { ...fail, ...code("EN101") }),
      row("S6", "2025-2026-1", "大学英语", 12, { ...pass, ...code("EN101"), examType: retake, examTerm: termOf(2026, 1) }),
    ];
    const [first, second] = computeStanding(rows, [DEFAULT_STANDING_RULES]);
    expect(first?.terms).toEqual([{ term: "2025-2026-1", failedCredits: 0, outcome: "none" }]);
    expect(second).toBeUndefined();
  });

  it("seed 000 九 “学年累计不合格学分” is silent on a course failed twice in a year: counted once by default, each time when the rule set says so", () => {
    // 正考 failed in term 1, 重修 failed again in term 2 of the same academic year.
    const rows = [
      row("S7", "2025-2026-1", "程序设计", 14, { ...fail, ...code("CS101"), examType: regular }),
      row("S7", "2025-2026-1", "数据结构", 14, { ...fail, ...code("CS102") }),
      row("S7", "2025-2026-2", "程序设计", 14, { ...fail, ...code("CS101"), examType: retake }),
    ];
    const [once] = computeStanding(rows, [DEFAULT_STANDING_RULES]);
    expect(DEFAULT_STANDING_RULES.repeatFailureInYear).toBe("once");
    expect(once).toMatchObject({ yearFailedCredits: 28, yearOutcome: "repeat", repeatCreditsNotCounted: 14 });
    expect(once?.terms.map((t) => t.failedCredits)).toEqual([28, 0]);
    const each: StandingRuleSet = { ...DEFAULT_STANDING_RULES, id: "each", repeatFailureInYear: "each" };
    const [counted] = computeStanding(rows, [each]);
    expect(counted).toMatchObject({ yearFailedCredits: 42, yearOutcome: "dismissal", repeatCreditsNotCounted: 0 });
    // A rule set saved before the option existed reads as “once”.
    const { repeatFailureInYear: _omitted, ...older } = DEFAULT_STANDING_RULES;
    expect(computeStanding(rows, [{ ...older, id: "older" }])[0]?.yearFailedCredits).toBe(28);
  });

  it("a failure in the next academic year is a new year's failure, counted there", () => {
    const rows = [
      row("S8", "2024-2025-2", "物理", 12, { ...fail, ...code("PH101") }),
      row("S8", "2025-2026-1", "物理", 12, { ...fail, ...code("PH101"), examType: retake }),
    ];
    expect(computeStanding(rows, [DEFAULT_STANDING_RULES]).map((y) => [y.academicYear, y.yearFailedCredits])).toEqual([
      ["2024-2025", 12],
      ["2025-2026", 12],
    ]);
  });
});
