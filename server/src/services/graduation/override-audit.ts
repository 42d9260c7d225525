import { AppError, AUDIT_STAGES, auditStageNeedsCommittee, levelAwardsDegree } from "@xueji/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { degreeCommitteeDecisions, graduationAudits, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";

/** The registrar overrides a computed outcome, only with a reason, kept in the audit trail. */
export async function overrideAudit(
  db: Db,
  options: { actor: Actor; auditId: number; outcome: "graduate" | "complete"; degree: "award" | "withhold"; reason: string },
) {
  if (!options.reason.trim()) throw new AppError("graduation.reason-required");
  return db.transaction(async (tx) => {
    const [audit] = await tx.select().from(graduationAudits).where(eq(graduationAudits.id, options.auditId)).for("update").limit(1);
    if (!audit) throw new AppError("graduation.not-found");
    if (options.degree === "award") {
      // No override makes a 学士学位 of a 专科 certificate (seed 000 六.3; seed 001 七).
      const [student] = await tx.select({ level: students.level }).from(students).where(eq(students.id, audit.studentId));
      if (student && !levelAwardsDegree(student.level)) throw new AppError("graduation.no-degree-for-level");
    }
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

/** The 学位委员会's decision as its minutes give it. */
export interface CommitteeDecision {
  decidedOn: string;
  meetingNo: string;
}

/**
 * Moves a college's list of a cohort from one stage to the next (学院初审 → 教务处复审 → 公示 → 学位委员会 → 证书制作 →
 * 上报). Passing 学位委员会 records the committee's decision — the school's, from its minutes: date and meeting number.
 */
export async function advanceAuditStage(
  db: Db,
  options: {
    actor: Actor;
    cohort: number;
    collegeId: number;
    from: (typeof AUDIT_STAGES)[number];
    committee?: CommitteeDecision | undefined;
  },
) {
  const i = AUDIT_STAGES.indexOf(options.from);
  const to = AUDIT_STAGES[i + 1];
  if (!to) throw new AppError("graduation.last-stage", { stage: options.from });
  const committee = auditStageNeedsCommittee(options.from) ? options.committee : undefined;
  if (auditStageNeedsCommittee(options.from) && !(committee?.decidedOn && committee.meetingNo.trim()))
    throw new AppError("graduation.committee-required");
  return db.transaction(async (tx) => {
    if (committee)
      await tx.insert(degreeCommitteeDecisions).values({
        cohort: options.cohort,
        collegeId: options.collegeId,
        decidedOn: committee.decidedOn,
        meetingNo: committee.meetingNo.trim(),
        recordedBy: options.actor.userId as number,
      });
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
      after: { stage: to, students: moved.length, ...(committee ? { committee } : {}) },
    });
    return { stage: to, students: moved.length };
  });
}

/**
 * Results by college: counts of 毕业/结业 and 授位, how often each reason occurs (after overrides),
 * and the stage the college's list is at — the earliest of its students' stages in the order of
 * AUDIT_STAGES (not alphabetically). `collegeId` narrows every figure, the reasons included.
 */
export async function auditSummary(db: Db, options: { cohort: number; collegeId?: number | undefined }) {
  const outcome = sql`coalesce(${graduationAudits.overrideOutcome}, ${graduationAudits.outcome})`;
  const degree = sql`coalesce(${graduationAudits.overrideDegree}, ${graduationAudits.degree})`;
  const where = and(
    eq(graduationAudits.cohort, options.cohort),
    options.collegeId !== undefined ? eq(graduationAudits.collegeId, options.collegeId) : undefined,
  );
  const stageOrder = sql.join(
    AUDIT_STAGES.map((stage) => sql`${stage}`),
    sql`, `,
  );
  const counts = await db
    .select({
      collegeId: graduationAudits.collegeId,
      stageIndex: sql<number>`min(array_position(array[${stageOrder}]::text[], ${graduationAudits.stage}))`.mapWith(Number),
      students: sql<number>`count(*)`.mapWith(Number),
      graduate: sql<number>`count(*) filter (where ${outcome} = 'graduate')`.mapWith(Number),
      complete: sql<number>`count(*) filter (where ${outcome} = 'complete')`.mapWith(Number),
      degree: sql<number>`count(*) filter (where ${degree} = 'award')`.mapWith(Number),
      dataIncomplete: sql<number>`count(*) filter (where not ${graduationAudits.dataComplete})`.mapWith(Number),
    })
    .from(graduationAudits)
    .where(where)
    .groupBy(graduationAudits.collegeId)
    .orderBy(graduationAudits.collegeId);
  const reasonCode = sql<string>`r.value->>'code'`;
  const reasonRows = await db
    .select({ collegeId: graduationAudits.collegeId, code: reasonCode, n: sql<number>`count(*)`.mapWith(Number) })
    .from(graduationAudits)
    .innerJoin(sql`jsonb_array_elements(${graduationAudits.reasons}) as r(value)`, sql`true`)
    .where(where)
    .groupBy(graduationAudits.collegeId, reasonCode);
  const reasons = new Map<number, Record<string, number>>();
  for (const row of reasonRows) {
    const byCode = reasons.get(row.collegeId) ?? {};
    byCode[row.code] = row.n;
    reasons.set(row.collegeId, byCode);
  }
  return counts.map(({ stageIndex, ...c }) => ({
    ...c,
    stage: AUDIT_STAGES[stageIndex - 1] ?? AUDIT_STAGES[0],
    reasons: reasons.get(c.collegeId) ?? {},
  }));
}
