import { computeStanding, type StandingResult, type StandingRuleSet } from "@xueji/shared";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, students } from "../../db/schema";
import { loadFailedRecords } from "../sheets/failed-records";
import { standingRuleSets } from "./standing-rule-sets";

type Outcome = "warning-1" | "warning-2" | "repeat" | "dismissal" | "none";
const NAMES: Record<Outcome, string> = {
  "warning-1": "一级学业警示",
  "warning-2": "二级学业警示",
  repeat: "留级",
  dismissal: "退学",
  none: "无",
};

/** A student's strongest outcome in a year: the year outcome outranks the term ones (DOMAIN.md §3). */
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
  options: { proposed: Omit<StandingRuleSet, "id" | "source" | "validFrom">; academicYear: string },
) {
  const { rows } = await loadFailedRecords(db, { academicYears: [options.academicYear] });
  const current = await standingRuleSets(db);
  const proposedSet: StandingRuleSet = { ...options.proposed, id: "proposed", validFrom: options.academicYear, source: "preview" };
  const before = new Map(computeStanding(rows, current).map((s) => [s.studentNo, strongest(s)]));
  const afterResults = computeStanding(rows, [...current, proposedSet]);
  const after = new Map(afterResults.map((s) => [s.studentNo, strongest(s)]));
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
  const summary = changes
    .map((c) =>
      c.from === "none"
        ? `${c.count} 名学生新增${NAMES[c.to]}`
        : c.to === "none"
          ? `${c.count} 名学生不再${NAMES[c.from]}`
          : `${c.count} 名学生由${NAMES[c.from]}变为${NAMES[c.to]}`,
    )
    .join("；");
  // Who moves, by name, so the registrar can check the change against students they know.
  const moved = afterResults.filter((s) => (before.get(s.studentNo) ?? "none") !== strongest(s));
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
  return { movers, students: before.size, before: count(before), after: count(after), changes, summary: summary || "没有变化" };
}
