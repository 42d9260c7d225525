import {
  AppError,
  checkPeriod,
  DEREGISTRATION_WORKING_DAYS,
  FIXED_STAGES,
  mayAct,
  mayReach,
  nextStage,
  previousStage,
  type Role,
  roleOfStage,
  type WorkCalendar,
} from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { applicationDecisions, applications, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { maskDeep } from "../masking";
import { noticeApplicationDecided } from "../notifications/event-notices";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { applyIdentityChange, executeChange } from "./execute-change";
import { nextNoticeNo } from "./notice-no";
import { materialsOf, refuseWhatExecutionWould } from "./status-guard";

import { workCalendar, workflowOf } from "./workflow-for";

export type DecisionAction = "submit" | "advance" | "return" | "reject";

export interface DecideOptions {
  actor: Actor & { role: Role; collegeId: number | null };
  applicationId: number;
  /** The version the decider saw; a newer one means someone else decided first. */
  expectedVersion: number;
  action: DecisionAction;
  opinion?: string | null;
  /** For a return: to the stage before (default) or all the way back to the college's draft. */
  returnTo?: "previous" | "college";
  today: string;
  calendar?: WorkCalendar;
}

type ApplicationRow = typeof applications.$inferSelect;

/**
 * One decision on an application, in one transaction with its record and audit event: 报送 from the
 * college (materials must be complete), 通过 at a stage, 退回 with a reason, or 驳回. Passing the
 * 办理 stage executes the change and numbers the notice.
 */
export async function decideApplication(db: Db, options: DecideOptions) {
  const calendar = options.calendar ?? (await workCalendar(db, await currentAcademicYear(db, options.today)));
  return db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, options.applicationId)).for("update").limit(1);
    // Scope before anything: another college's application is "not found", exactly like a missing
    // one, so that neither its version nor its stage leaks.
    if (!app || !mayReach(app, options.actor)) throw new AppError("application.not-found");
    if (app.version !== options.expectedVersion) throw new AppError("application.conflict", { version: app.version });
    const workflow = await workflowOf(tx, app.type, app.workflowVersion);
    const here = { stage: app.stage, type: app.type };
    if (app.state !== "open") throw new AppError("application.wrong-stage", here);
    // A paper signature passes only when the secretary records it (record-sign-off.ts), whoever tries to advance it.
    if (options.action === "advance" && workflow.stages.find((s) => s.key === app.stage)?.signOff)
      throw new AppError("application.sign-off-required", here);
    const role = roleOfStage(workflow, app.stage);
    if (!role) throw new AppError("application.wrong-stage", here);
    if (!mayAct(workflow, app, options.actor)) throw new AppError("application.not-your-stage", { ...here, role });

    // What 办理 would refuse is refused at each decision that moves the application on: the record may
    // have moved since filing (another change executed, the student graduated).
    if (options.action === "submit" || options.action === "advance") {
      const [student] = await tx.select({ status: students.status }).from(students).where(eq(students.id, app.studentId)).limit(1);
      if (student) await refuseWhatExecutionWould(tx, app, student, workflow, app.executedOn !== null, options.today);
    }

    const set: Partial<typeof applications.$inferInsert> = {};
    // A deadline counted through a year whose public holidays are not in the calendar yet (2027) is provisional.
    let provisional = false;
    const deadline = (days: number) => {
      const d = calendar.deadline(options.today, days);
      provisional ||= d.provisional;
      return d.date;
    };
    let to: string;
    let effects: Record<string, unknown> = {};
    switch (options.action) {
      case "submit": {
        if (app.stage !== FIXED_STAGES.draft) throw new AppError("application.wrong-stage", here);
        const missing = (await materialsOf(tx, app, workflow)).filter((m) => !app.materials.includes(m));
        if (missing.length > 0) throw new AppError("application.materials-missing", { materials: missing.join(",") });
        const period = checkPeriod(workflow, app.periodStartsOn, app.periodEndsOn);
        if (period) throw new AppError(period.code, "params" in period ? period.params : {});
        to = nextStage(workflow, app.stage) as string;
        set.submittedOn = options.today;
        set.dueOn = deadline(workflow.deadlineWorkingDays);
        break;
      }
      case "advance": {
        if (app.stage === FIXED_STAGES.draft || app.stage === FIXED_STAGES.effective) throw new AppError("application.wrong-stage", here);
        if (app.stage === FIXED_STAGES.notice && app.noticeEndsOn && options.today < app.noticeEndsOn) {
          throw new AppError("application.notice-period", { date: app.noticeEndsOn });
        }
        to = nextStage(workflow, app.stage) as string;
        if (to === FIXED_STAGES.notice) set.noticeEndsOn = deadline(workflow.publicNoticeDays);
        if (app.stage === FIXED_STAGES.execution) {
          const noticeNo = await nextNoticeNo(tx, Number(options.today.slice(0, 4)));
          const { changes, certificate } = await executeChange(tx as Tx, app, workflow, noticeNo, {
            today: options.today,
            userId: options.actor.userId ?? null,
          });
          Object.assign(set, { noticeNo, executedOn: options.today });
          if (workflow.deregisters) set.deregistrationDueOn = deadline(DEREGISTRATION_WORKING_DAYS);
          effects = { noticeNo, changes, ...(certificate ? { certificate } : {}) };
        }
        if (to === FIXED_STAGES.effective) {
          set.state = "done";
          if (app.type === "identity-change" || app.type === "record-correction")
            effects = { changes: await applyIdentityChange(tx as Tx, app) };
        }
        break;
      }
      case "return": {
        if (!options.opinion?.trim()) throw new AppError("application.opinion-required");
        if (app.stage === FIXED_STAGES.draft || app.executedOn) throw new AppError("application.wrong-stage", here);
        to = options.returnTo === "college" ? FIXED_STAGES.draft : (previousStage(workflow, app.stage) as string);
        if (to === FIXED_STAGES.notice) to = previousStage(workflow, to) as string;
        break;
      }
      case "reject": {
        if (!options.opinion?.trim()) throw new AppError("application.opinion-required");
        if (app.stage === FIXED_STAGES.draft || app.executedOn) throw new AppError("application.wrong-stage", here);
        to = FIXED_STAGES.rejected;
        set.state = "rejected";
        break;
      }
    }

    const [updated] = await tx
      .update(applications)
      .set({ ...set, stage: to, version: app.version + 1, updatedAt: new Date() })
      .where(eq(applications.id, app.id))
      .returning();
    await tx.insert(applicationDecisions).values({
      applicationId: app.id,
      action: options.action,
      fromStage: app.stage,
      toStage: to,
      userId: options.actor.userId as number,
      role: options.actor.role,
      opinion: options.opinion ?? null,
    });
    await recordEvent(tx, options.actor, {
      action: `application.${options.action}`,
      entity: "application",
      entityId: String(app.id),
      before: { stage: app.stage, version: app.version },
      after: { stage: to, version: app.version + 1, opinion: options.opinion ?? null, ...effects, ...(provisional ? { provisional } : {}) },
    });
    // The filer hears when her application comes back to her, is rejected, or is done (in this transaction).
    const outcome = to === FIXED_STAGES.draft ? "return" : options.action === "reject" ? "reject" : set.state === "done" ? "done" : null;
    if (outcome && updated) await noticeApplicationDecided(tx, updated, outcome, workflow.name["zh-CN"], options.opinion ?? null);
    // An identity change carries the new ID number: masked for roles that see ID numbers masked.
    return { ...maskDeep(options.actor.role, updated as ApplicationRow), provisional };
  });
}
