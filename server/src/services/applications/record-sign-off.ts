import { AppError, type ApplicationType, COLLEGE_FILER, FIXED_STAGES, mayReach, nextStage, nextStepFor, type Role } from "@xueji/shared";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applicationDecisions, applicationSignOffs, applications, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { refuseWhatExecutionWould } from "./status-guard";
import { workCalendar, workflowOf } from "./workflow-for";

export const MAX_SCAN_BYTES = 2 * 1024 * 1024;
/** The first bytes of each accepted scan type: the declared type must be the real one. */
const MAGIC: Readonly<Record<string, number[]>> = {
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47],
  "application/pdf": [0x25, 0x50, 0x44, 0x46],
};

export function checkScan(scan: { type: string; base64: string }): void {
  const bytes = Buffer.from(scan.base64, "base64");
  const magic = MAGIC[scan.type];
  if (!magic || bytes.length === 0 || bytes.length > MAX_SCAN_BYTES || !magic.every((b, i) => bytes[i] === b))
    throw new AppError("application.scan-invalid", { mb: MAX_SCAN_BYTES / 1024 / 1024 });
}

export interface RecordSignOffOptions {
  actor: Actor & { role: Role; collegeId: number | null };
  applicationId: number;
  expectedVersion: number;
  /** Who signed on paper, as written (e.g. 班主任 王某). */
  signer: string;
  signedOn: string;
  scan?: { type: string; base64: string } | undefined;
  today: string;
}

/**
 * A sign-off stage (an office without an account — seed 002's 班主任, 辅导员, 学生处, 财务处, 招生就业处,
 * 党委) passes when the student's college secretary records the signature: who, when, optionally
 * the scanned page. One transaction: the sign-off, the move to the next stage, the decision and its audit event.
 */
export async function recordSignOff(db: Db, options: RecordSignOffOptions) {
  if (options.scan) checkScan(options.scan);
  const calendar = await workCalendar(db, await currentAcademicYear(db, options.today));
  return db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, options.applicationId)).for("update").limit(1);
    // Another college's application reads as not found (as everywhere).
    if (!app || !mayReach(app, options.actor)) throw new AppError("application.not-found");
    if (app.version !== options.expectedVersion) throw new AppError("application.conflict", { version: app.version });
    const here = { stage: app.stage, type: app.type };
    if (app.state !== "open") throw new AppError("application.wrong-stage", here);
    const workflow = await workflowOf(tx, app.type as ApplicationType, app.workflowVersion);
    const stage = workflow.stages.find((s) => s.key === app.stage);
    if (!stage?.signOff) throw new AppError("application.not-a-sign-off", here);
    // The same rule the application page asks (shared who-acts.ts): the student's college secretary, or the registrar.
    if (nextStepFor(workflow, app, options.actor) !== "sign-off")
      throw new AppError("application.not-your-stage", { ...here, role: COLLEGE_FILER });

    // A signature passes a stage like a decision: what 办理 would refuse is refused here too.
    const [student] = await tx.select({ status: students.status }).from(students).where(eq(students.id, app.studentId)).limit(1);
    if (student) await refuseWhatExecutionWould(tx, app, student, workflow, app.executedOn !== null, options.today);
    const to = nextStage(workflow, app.stage) as string;
    await tx.insert(applicationSignOffs).values({
      applicationId: app.id,
      stage: app.stage,
      signer: options.signer,
      signedOn: options.signedOn,
      scan: options.scan?.base64 ?? null,
      scanType: options.scan?.type ?? null,
      recordedBy: options.actor.userId as number,
    });
    const [updated] = await tx
      .update(applications)
      .set({
        stage: to,
        version: app.version + 1,
        updatedAt: new Date(),
        ...(to === FIXED_STAGES.notice ? { noticeEndsOn: calendar.addWorkingDays(options.today, workflow.publicNoticeDays) } : {}),
      })
      .where(eq(applications.id, app.id))
      .returning();
    const opinion = `${stage.name["zh-CN"]}：${options.signer}（${options.signedOn}）签字${options.scan ? "，附扫描件" : ""}`;
    await tx.insert(applicationDecisions).values({
      applicationId: app.id,
      action: "sign-off",
      fromStage: app.stage,
      toStage: to,
      userId: options.actor.userId as number,
      role: options.actor.role,
      opinion,
    });
    await recordEvent(tx, options.actor, {
      action: "application.sign-off",
      entity: "application",
      entityId: String(app.id),
      before: { stage: app.stage, version: app.version },
      after: { stage: to, version: app.version + 1, signer: options.signer, signedOn: options.signedOn, scan: Boolean(options.scan) },
    });
    return updated as typeof applications.$inferSelect;
  });
}

/** The signatures recorded on an application, in order, without the scans themselves. */
export async function signOffsOf(db: Db, applicationId: number) {
  const rows = await db
    .select()
    .from(applicationSignOffs)
    .where(eq(applicationSignOffs.applicationId, applicationId))
    .orderBy(asc(applicationSignOffs.id));
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    signer: r.signer,
    signedOn: r.signedOn,
    scanType: r.scanType,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt.toISOString(),
  }));
}
