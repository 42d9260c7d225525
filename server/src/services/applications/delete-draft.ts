import { AppError } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { applicationDecisions, applicationScans, applications, students } from "../../db/schema";
import { recordEvent } from "../audit-log/record-event";
import type { Viewer } from "../viewer";
import { lockForFiler } from "./draft-of-filer";

/**
 * The filer deletes a draft that will not be sent on (filed by mistake, or returned and dropped), so it
 * leaves 我的待办. Its scans and any earlier decisions (a return, a 撤回) go with it; the audit event
 * keeps what it was, the decisions included.
 */
export async function deleteDraft(db: Db, options: { viewer: Viewer; applicationId: number; expectedVersion: number }) {
  return db.transaction(async (tx) => {
    const app = await lockForFiler(tx as Tx, options.viewer, options.applicationId, options.expectedVersion);
    if (app.stage !== "draft" || app.state !== "open") throw new AppError("application.wrong-stage", { stage: app.stage, type: app.type });
    const decisions = await tx.select().from(applicationDecisions).where(eq(applicationDecisions.applicationId, app.id));
    const [student] = await tx.select({ studentNo: students.studentNo }).from(students).where(eq(students.id, app.studentId));
    await tx.delete(applicationScans).where(eq(applicationScans.applicationId, app.id));
    await tx.delete(applicationDecisions).where(eq(applicationDecisions.applicationId, app.id));
    await tx.delete(applications).where(eq(applications.id, app.id));
    await recordEvent(tx, options.viewer, {
      action: "application.delete",
      entity: "application",
      entityId: String(app.id),
      before: {
        type: app.type,
        studentNo: student?.studentNo,
        reasonCode: app.reasonCode,
        materials: app.materials,
        changes: app.changes,
        note: app.note,
        periodStartsOn: app.periodStartsOn,
        periodEndsOn: app.periodEndsOn,
        version: app.version,
        decisions: decisions.map((d) => ({
          action: d.action,
          fromStage: d.fromStage,
          toStage: d.toStage,
          userId: d.userId,
          opinion: d.opinion,
        })),
      },
    });
    return { id: app.id };
  });
}
