import { auditGraduate } from "@xueji/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { auditRulesInForce } from "./audit-rules-in-force";
import { auditInputOf, auditSubjects, outstandingRequiredFailures } from "./audit-subjects";

/**
 * Audits a graduating cohort (students expected to graduate in `cohort`, still 在读 or 结业):
 * computes each student's outcome with the shared rules and stores it, keeping any override and
 * the stage the list has reached. Running it again recomputes; nothing is duplicated.
 */
export async function runCohortAudit(
  db: Db,
  options: { actor: Actor; cohort: number; collegeId?: number | undefined; graduationDate?: string },
) {
  const graduationDate = options.graduationDate ?? `${options.cohort}-06-30`;
  const where = [
    sql`extract(year from ${students.expectedGraduationDate}) = ${options.cohort}`,
    inArray(students.status, ["enrolled", "completed"]),
  ];
  if (options.collegeId !== undefined) where.push(eq(students.collegeId, options.collegeId));
  const cohort = await auditSubjects(db, and(...where));
  if (cohort.length === 0) return { audited: 0, graduate: 0, complete: 0 };
  const rules = await auditRulesInForce(db, graduationDate);

  const failuresOf = await outstandingRequiredFailures(
    db,
    cohort.map((s) => s.id),
  );

  const rows = cohort.map((s) => {
    const input = auditInputOf(s, graduationDate, failuresOf.get(s.id) ?? 0);
    const result = auditGraduate(input, rules);
    return {
      cohort: options.cohort,
      student_id: s.id,
      college_id: s.collegeId,
      outcome: result.outcome,
      degree: result.degree,
      reasons: result.reasons,
      degree_reasons: result.degreeReasons,
      data_complete: result.dataComplete,
      rules_version: rules.version,
    };
  });
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 5000) {
      await tx.execute(sql`
        insert into graduation_audits (cohort, student_id, college_id, outcome, degree, reasons, degree_reasons, data_complete, rules_version)
        select cohort, student_id, college_id, outcome, degree, reasons, degree_reasons, data_complete, rules_version
        from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)
          as x(cohort int, student_id int, college_id int, outcome text, degree text, reasons jsonb, degree_reasons jsonb, data_complete boolean, rules_version int)
        on conflict on constraint graduation_audits_once do update set
          outcome = excluded.outcome, degree = excluded.degree, reasons = excluded.reasons, degree_reasons = excluded.degree_reasons,
          data_complete = excluded.data_complete, rules_version = excluded.rules_version, computed_at = now()`);
    }
    await recordEvent(tx, options.actor, {
      action: "graduation.run",
      entity: "graduation_cohort",
      entityId: String(options.cohort),
      after: { collegeId: options.collegeId ?? null, audited: rows.length, graduate: rows.filter((r) => r.outcome === "graduate").length },
    });
  });
  return {
    audited: rows.length,
    graduate: rows.filter((r) => r.outcome === "graduate").length,
    complete: rows.filter((r) => r.outcome === "complete").length,
  };
}
