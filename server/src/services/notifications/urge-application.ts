import { AppError, isOverdue, mayAct, roleOfStage } from "@xueji/shared";
import { and, eq } from "drizzle-orm";
import { todayInChina } from "../../clock";
import type { Db } from "../../db/client";
import { applications, notificationOutbox, students, users } from "../../db/schema";
import { workCalendar, workflowOf } from "../applications/workflow-for";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { signedWorkingDays } from "../insights/my-work";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { dashboardLink, enqueue } from "./enqueue";

export interface UrgeResult {
  /** Messages queued (one per channel of each office whose people act now). */
  queued: number;
  /** The people reminded, by name (shown to the registrar). */
  reminded: string[];
  /** Already reminded within this hour: nothing new queued. */
  already: boolean;
}

/**
 * 催办: the registrar reminds whoever acts now on an overdue application, at once. One reminder an hour per
 * application (a second click within the hour queues nothing new). Written with its audit event in one
 * transaction; the router delivers it right after.
 */
export async function urgeApplication(
  db: Db,
  actor: Actor,
  applicationId: number,
  now: Date,
  today: string = todayInChina(now),
): Promise<UrgeResult> {
  return db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, applicationId)).limit(1);
    if (!app) throw new AppError("application.not-found");
    if (!isOverdue(app, today)) throw new AppError("application.wrong-stage", { stage: app.stage, type: app.type });
    const workflow = await workflowOf(tx, app.type, app.workflowVersion);
    const role = roleOfStage(workflow, app.stage);
    if (!role) throw new AppError("application.wrong-stage", { stage: app.stage, type: app.type });
    const candidates = await tx
      .select({ id: users.id, displayName: users.displayName, role: users.role, collegeId: users.collegeId })
      .from(users)
      .where(and(eq(users.role, role), eq(users.disabled, false)));
    const actors = candidates.filter((u) => mayAct(workflow, app, u));
    const [student] = await tx.select({ name: students.name }).from(students).where(eq(students.id, app.studentId)).limit(1);
    const deadline = app.executedOn === null ? app.dueOn : app.deregistrationDueOn;
    const calendar = await workCalendar(tx, await currentAcademicYear(tx, today));
    const late = deadline ? -signedWorkingDays(calendar, today, deadline) : 0;
    const offices = new Map<number | null, typeof actors>();
    for (const u of actors) offices.set(u.collegeId, [...(offices.get(u.collegeId) ?? []), u]);
    let queued = 0;
    const hour = now.toISOString().slice(0, 13);
    const [earlier] = await tx
      .select({ id: notificationOutbox.id })
      .from(notificationOutbox)
      .where(eq(notificationOutbox.dedupeKey, `urge:${app.id}:${hour}`))
      .limit(1);
    for (const [collegeId, people] of offices) {
      const ids = await enqueue(
        tx,
        {
          collegeId,
          recipientUserId: people.length === 1 ? (people[0]?.id ?? null) : null,
          event: "urge",
          title: `催办：${student?.name ?? ""}的${workflow.name["zh-CN"]}申请`,
          lines: [
            `${people.map((p) => `${p.displayName}老师`).join("、")}：${student?.name ?? ""}的${workflow.name["zh-CN"]}申请已逾期 ${late} 个工作日（期限 ${deadline}），请尽快办理。`,
            `[打开申请](${dashboardLink(`/applications/${app.id}`)})`,
          ],
          dedupeKey: `urge:${app.id}:${hour}`,
        },
        now,
      );
      queued += ids.length;
    }
    await recordEvent(tx, actor, {
      action: "application.urge",
      entity: "application",
      entityId: String(app.id),
      after: { stage: app.stage, reminded: actors.map((a) => a.id), queued },
    });
    return { queued, reminded: actors.map((a) => a.displayName), already: earlier !== undefined };
  });
}
