import {
  computeStanding,
  type Locale,
  ruleSetFor,
  type StandingOutcome,
  type StandingResult,
  type StandingRuleSet,
  standingPreviewSummary,
} from "@xueji/shared";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, students } from "../../db/schema";
import { loadFailedRecords } from "../sheets/failed-records";
import { standingRuleSets } from "./standing-rule-sets";

type Outcome = StandingOutcome;

/** A student's strongest outcome in a year: the year outcome outranks the term ones (docs/domain.md §3). */
function strongest(s: StandingResult): Outcome {
  if (s.yearOutcome !== "none") return s.yearOutcome;
  if (s.terms.some((t) => t.outcome === "warning-2")) return "warning-2";
  if (s.terms.some((t) => t.outcome === "warning-1")) return "warning-1";
  return "none";
}

/**
 * What a proposed standing rule set would change on the current record, computed by the same
 * shared rules, writing nothing: per outcome how many students before and after, and who moves.
 */
export async function previewStandingRules(
  db: Db,
  options: { proposed: Omit<StandingRuleSet, "id" | "source" | "validFrom">; academicYear: string; locale: Locale },
) {
  const { rows } = await loadFailedRecords(db, { academicYears: [options.academicYear] });
  const current = await standingRuleSets(db);
  const proposedSet: StandingRuleSet = { ...options.proposed, id: "proposed", validFrom: options.academicYear, source: "preview" };
  const beforeStanding = computeStanding(rows, current);
  const afterStanding = computeStanding(rows, [...current, proposedSet]);
  const before = new Map(beforeStanding.map((s) => [s.studentNo, strongest(s)]));
  const after = new Map(afterStanding.map((s) => [s.studentNo, strongest(s)]));
  const count = (m: Map<string, Outcome>) => {
    const c: Record<Outcome, number> = { "warning-1": 0, "warning-2": 0, repeat: 0, dismissal: 0, none: 0 };
    for (const o of m.values()) c[o]++;
    return c;
  };
  const moves = new Map<string, number>();
  for (const [studentNo, b] of before) {
    const a = after.get(studentNo) ?? "none";
    if (a !== b) moves.set(`${b}>${a}`, (moves.get(`${b}>${a}`) ?? 0) + 1);
  }
  const changes = [...moves].map(([k, n]) => {
    const [from, to] = k.split(">") as [Outcome, Outcome];
    return { from, to, count: n };
  });
  // Who moves, by name, so the registrar can check the change against students they know.
  const moved = afterStanding.filter((s) => (before.get(s.studentNo) ?? "none") !== strongest(s));
  const people = moved.length
    ? await db
        .select({ studentNo: students.studentNo, name: students.name, college: colleges.name })
        .from(students)
        .innerJoin(colleges, eq(colleges.id, students.collegeId))
        .where(
          inArray(
            students.studentNo,
            moved.map((s) => s.studentNo),
          ),
        )
    : [];
  const personOf = new Map(people.map((p) => [p.studentNo, p]));
  const movers = moved
    .map((s) => ({
      studentNo: s.studentNo,
      name: personOf.get(s.studentNo)?.name ?? "",
      college: personOf.get(s.studentNo)?.college ?? "",
      yearFailedCredits: s.yearFailedCredits,
      from: before.get(s.studentNo) ?? ("none" as Outcome),
      to: strongest(s),
    }))
    .sort((a, b) => a.studentNo.localeCompare(b.studentNo));
  // How the rule for a course failed twice in one year plays on this record.
  const repeats = (standing: typeof beforeStanding) => ({
    students: standing.filter((s) => s.repeatCreditsNotCounted > 0).length,
    credits: standing.reduce((sum, s) => sum + s.repeatCreditsNotCounted, 0),
  });
  const repeatFailureInYear = {
    before: ruleSetFor(current, options.academicYear).repeatFailureInYear ?? "once",
    after: proposedSet.repeatFailureInYear ?? "once",
    /** Students with a course failed twice in the year whose second failure is not counted again, and those credits. */
    notCountedAgain: { before: repeats(beforeStanding), after: repeats(afterStanding) },
  };
  return {
    movers,
    students: before.size,
    before: count(before),
    after: count(after),
    changes,
    summary: standingPreviewSummary(changes, options.locale),
    repeatFailureInYear,
  };
}
