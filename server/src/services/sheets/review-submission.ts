import { AppError, type Locale } from "@xueji/shared";
import { eq, max } from "drizzle-orm";
import { todayInChina } from "../../clock";
import type { Db } from "../../db/client";
import { sheetSubmissions } from "../../db/schema";
import { openDismissalsFromSheet } from "../applications/open-dismissals";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { noticeSheetReturned } from "../notifications/event-notices";
import { applyFailedCourses } from "./apply-failed-courses";
import { applyGraduates } from "./apply-graduates";
import { applyRoster, type RosterEffects } from "./apply-roster";
import { inSlot } from "./sheet-slot";

export interface ReviewOptions {
  actor: Actor;
  submissionId: string;
  decision: "accept" | "reject";
  reason?: string | null;
  /** The day of the decision (deadlines of the applications a dismissal list opens count from it). */
  today?: string;
  /** The reader's language, for the opinions of the applications a dismissal list opens (Chinese unless said). */
  locale?: Locale;
}

export interface ReviewResult {
  submissionId: string;
  state: "accepted" | "rejected";
  /** False when the submission already had this outcome: nothing was done again. */
  changed: boolean;
  pendingItemsCreated: number;
  recordsUpdated: number;
}

/**
 * The registrar accepts or rejects a college's submission. Accepting applies it to the record:
 * a failed-course sheet feeds the standing rules (pending items), a roster updates registration,
 * a graduates sheet records the degree facts it carries (GPA, 处分) for the degree audit.
 * Deciding the same way twice does nothing the second time; changing a decision is refused.
 */
export async function reviewSubmission(db: Db, options: ReviewOptions): Promise<ReviewResult> {
  const wanted = options.decision === "accept" ? "accepted" : "rejected";
  if (wanted === "rejected" && !options.reason?.trim()) throw new AppError("input.invalid", { problem: "review-reason" });
  return db.transaction(async (tx) => {
    const [submission] = await tx
      .select()
      .from(sheetSubmissions)
      .where(eq(sheetSubmissions.id, options.submissionId))
      .for("update")
      .limit(1);
    if (!submission) throw new AppError("sheet.not-found");
    if (submission.state === wanted)
      return { submissionId: submission.id, state: wanted, changed: false, pendingItemsCreated: 0, recordsUpdated: 0 };
    if (submission.state === "accepted" || submission.state === "rejected")
      throw new AppError("sheet.already-reviewed", { state: submission.state });
    if (submission.state === "superseded") {
      const [{ latest } = { latest: 0 }] = await tx
        .select({ latest: max(sheetSubmissions.version) })
        .from(sheetSubmissions)
        .where(inSlot(submission));
      throw new AppError("sheet.superseded", { version: latest ?? submission.version });
    }

    let effects: RosterEffects = { pendingItemsCreated: 0, recordsUpdated: 0 };
    if (wanted === "accepted") {
      const kind = submission.kind;
      if (kind === "failed-courses") effects = await applyFailedCourses(tx, submission);
      else if (kind === "roster-new" || kind === "roster-returning") effects = await applyRoster(tx, submission);
      else if (kind === "graduates") effects = await applyGraduates(tx, submission, options.actor);
      else if (kind === "dismissal") {
        const opened = await openDismissalsFromSheet(tx, submission, options.today ?? todayInChina(), options.locale ?? "zh-CN");
        effects = { pendingItemsCreated: 0, recordsUpdated: opened.opened, ...(opened.provisional ? { provisional: true } : {}) };
      }
    }
    const reviewedAt = new Date();
    await tx
      .update(sheetSubmissions)
      .set({ state: wanted, reviewedBy: options.actor.userId, reviewedAt, reviewReason: options.reason ?? null })
      .where(eq(sheetSubmissions.id, submission.id));
    await recordEvent(tx, options.actor, {
      action: `sheet.${options.decision}`,
      entity: "sheet_submission",
      entityId: submission.id,
      before: { state: submission.state },
      after: {
        state: wanted,
        reason: options.reason ?? null,
        pendingItemsCreated: effects.pendingItemsCreated,
        recordsUpdated: effects.recordsUpdated,
        // The 办理期限 of the applications opened counted through a year whose holidays are not published.
        ...(effects.provisional ? { provisional: true } : {}),
        // Each registered student's status, before and after, so the record's history can be replayed.
        ...(effects.registered
          ? { statusChanges: effects.registered.map((studentNo) => ({ studentNo, status: { before: "admitted", after: "reported" } })) }
          : {}),
      },
    });
    // The secretary hears of a returned sheet where she reads (企业微信, 钉钉, mail), with the reason.
    if (wanted === "rejected") await noticeSheetReturned(tx, submission, options.reason ?? "");
    return {
      submissionId: submission.id,
      state: wanted,
      changed: true,
      pendingItemsCreated: effects.pendingItemsCreated,
      recordsUpdated: effects.recordsUpdated,
    };
  });
}
