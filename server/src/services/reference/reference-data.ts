import { APPLICATION_TYPES, academicYearOn, stagesOf, termOn } from "@xueji/shared";
import { asc, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, majors, terms } from "../../db/schema";
import { workflowInForce } from "../applications/workflow-for";

// The one rule for "which term is it", kept in shared beside the academic year it gives.
export { termOn } from "@xueji/shared";

/**
 * What the dashboard labels and filters by: colleges, majors, terms (and the current one), and the
 * workflows in force this academic year with their stages in order (they are settings, so their
 * names and stages come from the server, not from the defaults in shared).
 */
export async function referenceData(db: Db, today: string) {
  const [collegeRows, majorRows, termRows] = await Promise.all([
    db
      .select({ id: colleges.id, code: colleges.code, name: colleges.name, retired: sql<boolean>`${colleges.retiredAt} is not null` })
      .from(colleges)
      .orderBy(asc(colleges.code)),
    db
      .select({
        id: majors.id,
        code: majors.code,
        name: majors.name,
        collegeId: majors.collegeId,
        level: majors.level,
        retired: sql<boolean>`${majors.retiredAt} is not null`,
      })
      .from(majors)
      .orderBy(asc(majors.code)),
    db.select().from(terms).orderBy(asc(terms.code)),
  ]);
  // The registrar's terms say which year and term it is; a school with none yet gets the calendar rule.
  const inUse = termRows.filter((t) => t.retiredAt === null);
  const currentTerm = termOn(inUse, today);
  const academicYear = academicYearOn(inUse, today);
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
    terms: termRows.map(({ retiredAt: _r, ...t }) => t),
    workflows,
  };
}
