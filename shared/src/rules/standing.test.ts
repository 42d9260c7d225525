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
