import { SHEET_LABELS, type SheetKind } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type applications, students, users } from "../../db/schema";
import { dashboardLink, enqueue } from "./enqueue";

/** At most this many characters of a quoted reason: a reminder is short, the dashboard has the rest. */
const REASON_CHARS = 80;
function short(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > REASON_CHARS ? `${oneLine.slice(0, REASON_CHARS)}…` : oneLine;
}

async function person(tx: Executor, userId: number) {
  const [user] = await tx
    .select({ id: users.id, displayName: users.displayName, collegeId: users.collegeId, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user && !user.disabled ? user : null;
}

/** To the secretary who sent a sheet the registrar returned: which sheet, the reason, a link. In the review's transaction. */
export async function noticeSheetReturned(
  tx: Executor,
  submission: { kind: SheetKind; termCode: string; collegeId: number; submittedBy: number },
  reason: string,
): Promise<void> {
  const to = await person(tx, submission.submittedBy);
  if (!to) return;
  const sheet = SHEET_LABELS[submission.kind]["zh-CN"];
  await enqueue(tx, {
    collegeId: submission.collegeId,
    recipientUserId: to.id,
    event: "sheet-returned",
    title: `核对表被退回：${sheet}`,
    lines: [
      `${to.displayName}老师：${submission.termCode} 学期的${sheet}被学籍科退回。`,
      `> 原因：${short(reason)}`,
      `[修改后重新报送](${dashboardLink(`/sheets?termCode=${encodeURIComponent(submission.termCode)}`)})`,
    ],
  });
}

const OUTCOME: Record<"return" | "reject" | "done", string> = { return: "退回", reject: "驳回", done: "办结" };

/**
 * To the secretary who filed an application, when it is decided: returned to her draft, rejected, or done.
 * In the decision's transaction.
 */
export async function noticeApplicationDecided(
  tx: Executor,
  app: typeof applications.$inferSelect,
  outcome: "return" | "reject" | "done",
  typeName: string,
  opinion: string | null,
): Promise<void> {
  const to = await person(tx, app.filedBy);
  if (!to) return;
  const [student] = await tx.select({ name: students.name }).from(students).where(eq(students.id, app.studentId)).limit(1);
  const lines = [`${to.displayName}老师：${student?.name ?? ""}的${typeName}申请已${OUTCOME[outcome]}。`];
  if (opinion?.trim() && outcome !== "done") lines.push(`> 意见：${short(opinion)}`);
  lines.push(`[查看申请](${dashboardLink(`/applications/${app.id}`)})`);
  await enqueue(tx, {
    collegeId: app.collegeId,
    recipientUserId: to.id,
    event: "application-decided",
    title: `${typeName}申请已${OUTCOME[outcome]}`,
    lines,
  });
}
