import { AppError, FIXED_STAGES, nextStage } from "@xueji/shared";
import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { applicationDecisions, applications } from "../../db/schema";
import { recordEvent } from "../audit-log/record-event";
import type { Viewer } from "../viewer";
import { lockForFiler } from "./draft-of-filer";
import { workflowOf } from "./workflow-for";

/**
 * 撤回: the filer takes an application they sent on (报送) back to the college's draft, while it waits at
 * the first stage and nobody there has acted on it; it can then be corrected or deleted. Its deadline
 * goes with it (a draft runs on no clock).
 */
export async function withdrawApplication(db: Db, options: { viewer: Viewer; applicationId: number; expectedVersion: number }) {
  return db.transaction(async (tx) => {
    const app = await lockForFiler(tx as Tx, options.viewer, options.applicationId, options.expectedVersion);
    const workflow = await workflowOf(tx, app.type, app.workflowVersion);
    const [last] = await tx
      .select({ action: applicationDecisions.action })
      .from(applicationDecisions)
      .where(and(eq(applicationDecisions.applicationId, app.id)))
      .orderBy(desc(applicationDecisions.id))
      .limit(1);
    const here = { stage: app.stage, type: app.type };
    if (app.state !== "open" || app.stage !== nextStage(workflow, FIXED_STAGES.draft) || last?.action !== "submit")
      throw new AppError("application.not-withdrawable", here);
    const [updated] = await tx
      .update(applications)
      .set({ stage: FIXED_STAGES.draft, submittedOn: null, dueOn: null, version: app.version + 1, updatedAt: new Date() })
      .where(eq(applications.id, app.id))
      .returning();
    await tx.insert(applicationDecisions).values({
      applicationId: app.id,
      action: "withdraw",
      fromStage: app.stage,
      toStage: FIXED_STAGES.draft,
      userId: options.viewer.userId,
      role: options.viewer.role,
      opinion: null,
    });
    await recordEvent(tx, options.viewer, {
      action: "application.withdraw",
      entity: "application",
      entityId: String(app.id),
      before: { stage: app.stage, version: app.version, dueOn: app.dueOn },
      after: { stage: FIXED_STAGES.draft, version: app.version + 1 },
    });
    return updated as typeof applications.$inferSelect;
  });
}
