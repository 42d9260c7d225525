import { AppError, AUDIT_STAGES } from "@xueji/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { graduationAudits } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";

/** The registrar overrides a computed outcome, only with a reason, kept in the audit trail. */
export async function overrideAudit(
  db: Db,
  options: { actor: Actor; auditId: number; outcome: "graduate" | "complete"; degree: "award" | "withhold"; reason: string },
) {
  if (!options.reason.trim()) throw new AppError("application.opinion-required");
  return db.transaction(async (tx) => {
    const [audit] = await tx.select().from(graduationAudits).where(eq(graduationAudits.id, options.auditId)).for("update").limit(1);
    if (!audit) throw new AppError("graduation.not-found");
    const [updated] = await tx
      .update(graduationAudits)
      .set({
        overrideOutcome: options.outcome,
        overrideDegree: options.degree,
        overrideReason: options.reason,
        overrideBy: options.actor.userId,
      })
      .where(eq(graduationAudits.id, audit.id))
      .returning();
    await recordEvent(tx, options.actor, {
      action: "graduation.override",
      entity: "graduation_audit",
      entityId: String(audit.id),
      before: { outcome: audit.overrideOutcome ?? audit.outcome, degree: audit.overrideDegree ?? audit.degree },
      after: { outcome: options.outcome, degree: options.degree, reason: options.reason },
    });
    return updated as typeof graduationAudits.$inferSelect;
  });
}

/** Moves a college's list of a cohort from one stage to the next (学院初审 → 教务处复审 → 公示 → 学位委员会 → 证书制作 → 上报). */
export async function advanceAuditStage(
  db: Db,
  options: { actor: Actor; cohort: number; collegeId: number; from: (typeof AUDIT_STAGES)[number] },
) {
  const i = AUDIT_STAGES.indexOf(options.from);
  const to = AUDIT_STAGES[i + 1];
  if (!to) throw new AppError("application.wrong-stage", { stage: options.from });
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(graduationAudits)
      .set({ stage: to })
      .where(
        and(
          eq(graduationAudits.cohort, options.cohort),
          eq(graduationAudits.collegeId, options.collegeId),
          eq(graduationAudits.stage, options.from),
        ),
      )
      .returning({ id: graduationAudits.id });
    await recordEvent(tx, options.actor, {
      action: "graduation.advance",
      entity: "graduation_cohort",
      entityId: `${options.cohort}/${options.collegeId}`,
      before: { stage: options.from },
      after: { stage: to, students: moved.length },
    });
    return { stage: to, students: moved.length };
  });
}

/** Results by college: counts of 毕业/结业 and 授位, with how often each reason occurs (after overrides). */
export async function auditSummary(db: Db, options: { cohort: number; collegeId?: number | undefined }) {
  const outcome = sql`coalesce(${graduationAudits.overrideOutcome}, ${graduationAudits.outcome})`;
  const degree = sql`coalesce(${graduationAudits.overrideDegree}, ${graduationAudits.degree})`;
  return db
    .select({
      collegeId: graduationAudits.collegeId,
      stage: sql<string>`min(${graduationAudits.stage})`,
      students: sql<number>`count(*)`.mapWith(Number),
      graduate: sql<number>`count(*) filter (where ${outcome} = 'graduate')`.mapWith(Number),
      complete: sql<number>`count(*) filter (where ${outcome} = 'complete')`.mapWith(Number),
      degree: sql<number>`count(*) filter (where ${degree} = 'award')`.mapWith(Number),
      dataIncomplete: sql<number>`count(*) filter (where not ${graduationAudits.dataComplete})`.mapWith(Number),
      reasons: sql<
        Record<string, number>
      >`coalesce((select jsonb_object_agg(code, n) from (select r->>'code' as code, count(*) as n from graduation_audits g2, jsonb_array_elements(g2.reasons) r where g2.cohort = ${options.cohort} and g2.college_id = ${graduationAudits.collegeId} group by 1) t), '{}'::jsonb)`,
    })
    .from(graduationAudits)
    .where(
      and(
        eq(graduationAudits.cohort, options.cohort),
        ...(options.collegeId !== undefined ? [eq(graduationAudits.collegeId, options.collegeId)] : []),
      ),
    )
    .groupBy(graduationAudits.collegeId)
    .orderBy(graduationAudits.collegeId);
}
