import { APPLICATION_TYPES, stagesOf } from "@xueji/shared";
import { asc } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, majors, terms } from "../../db/schema";
import { workflowInForce } from "../applications/workflow-for";

/** The term that contains `today`, or the last one that started before it. */
export function termOn<T extends { code: string; startDate: string; endDate: string }>(all: T[], today: string): T | null {
  const sorted = [...all].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return sorted.find((t) => t.startDate <= today && today <= t.endDate) ?? sorted.filter((t) => t.startDate <= today).at(-1) ?? null;
}

/**
 * What the dashboard labels and filters by: colleges, majors, terms (and the current one), and the
 * workflows in force this academic year with their stages in order (they are settings, so their
 * names and stages come from the server, not from the defaults in shared).
 */
export async function referenceData(db: Db, today: string) {
  const [collegeRows, majorRows, termRows] = await Promise.all([
    db.select({ id: colleges.id, code: colleges.code, name: colleges.name }).from(colleges).orderBy(asc(colleges.code)),
    db
      .select({ id: majors.id, code: majors.code, name: majors.name, collegeId: majors.collegeId, level: majors.level })
      .from(majors)
      .orderBy(asc(majors.code)),
    db.select().from(terms).orderBy(asc(terms.code)),
  ]);
  const currentTerm = termOn(termRows, today);
  const academicYear = currentTerm?.academicYear ?? `${Number(today.slice(0, 4)) - 1}-${today.slice(0, 4)}`;
  const workflows = await Promise.all(
    APPLICATION_TYPES.map(async (type) => {
      const workflow = await workflowInForce(db, type, academicYear);
      return {
        type,
        version: workflow.version,
        name: workflow.name,
        stages: stagesOf(workflow),
        decidingStages: workflow.stages.map((s) => ({ key: s.key, name: s.name, role: s.role })),
        reasons: workflow.reasons.map((r) => ({ code: r.code, name: r.name, materials: [...r.materials] })),
        materials: [...workflow.materials],
        changes: [...workflow.changes],
        deadlineWorkingDays: workflow.deadlineWorkingDays,
        period: workflow.period ? { maxDays: workflow.period.maxDays ?? null } : null,
      };
    }),
  );
  return {
    today,
    academicYear,
    currentTerm: currentTerm?.code ?? null,
    colleges: collegeRows,
    majors: majorRows,
    terms: termRows,
    workflows,
  };
}
