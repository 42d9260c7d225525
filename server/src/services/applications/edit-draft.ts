import { AppError, MATERIALS, type Material } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { todayInChina } from "../../clock";
import type { Db, Tx } from "../../db/client";
import { applications, students } from "../../db/schema";
import { recordEvent } from "../audit-log/record-event";
import type { Viewer } from "../viewer";
import { lockForFiler } from "./draft-of-filer";
import { periodOf, validChanges } from "./file-application";
import { workflowOf } from "./workflow-for";

export interface EditDraftOptions {
  viewer: Viewer;
  applicationId: number;
  expectedVersion: number;
  reasonCode: string;
  materials: Material[];
  changes?: Record<string, string | number>;
  note?: string | null;
  periodStartsOn?: string | null;
  periodEndsOn?: string | null;
  today?: string;
}

/** The filer corrects a draft (学院草稿) before 报送: reason, materials, changes, note, period — checked as when filed. */
export async function editDraft(db: Db, options: EditDraftOptions) {
  return db.transaction(async (tx) => {
    const app = await lockForFiler(tx as Tx, options.viewer, options.applicationId, options.expectedVersion);
    if (app.stage !== "draft" || app.state !== "open") throw new AppError("application.wrong-stage", { stage: app.stage, type: app.type });
    const workflow = await workflowOf(tx, app.type, app.workflowVersion);
    if (!workflow.reasons.some((r) => r.code === options.reasonCode))
      throw new AppError("application.unknown-reason", { type: app.type, reason: options.reasonCode });
    const [student] = await tx.select().from(students).where(eq(students.id, app.studentId));
    const { changes, targetCollegeId } = await validChanges(
      tx,
      app.type,
      options.changes ?? {},
      student as typeof students.$inferSelect,
      options.today ?? todayInChina(),
    );
    const period = periodOf(workflow, options.periodStartsOn, options.periodEndsOn);
    const materials = [...new Set(options.materials)].filter((m) => m in MATERIALS);
    const after = { reasonCode: options.reasonCode, materials, changes, targetCollegeId, note: options.note ?? null, ...period };
    const [updated] = await tx
      .update(applications)
      .set({ ...after, version: app.version + 1, updatedAt: new Date() })
      .where(eq(applications.id, app.id))
      .returning();
    await recordEvent(tx, options.viewer, {
      action: "application.edit",
      entity: "application",
      entityId: String(app.id),
      before: {
        reasonCode: app.reasonCode,
        materials: app.materials,
        changes: app.changes,
        note: app.note,
        periodStartsOn: app.periodStartsOn,
        periodEndsOn: app.periodEndsOn,
        version: app.version,
      },
      after: { ...after, version: app.version + 1 },
    });
    return updated as typeof applications.$inferSelect;
  });
}
