import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { notificationChannels, notificationOutbox } from "../../db/schema";
import { scrubPersonalNumbers } from "./scrub";

export interface Notice {
  /** The office whose channels carry it: a college, or null for the registrar office. */
  collegeId: number | null;
  recipientUserId: number | null;
  event: "digest" | "sheet-returned" | "application-decided" | "college-late" | "urge";
  title: string;
  /** Markdown lines. */
  lines: string[];
  /** A periodic message's identity (a day's digest for one person): queued once, whichever process queues it. */
  dedupeKey?: string;
}

/**
 * Writes a message into the outbox, one row per enabled channel of the office, in the caller's transaction:
 * the message exists exactly when the event that causes it is committed. Returns the rows written (none when
 * the office has no channel, or this dedupe key was queued already).
 */
export async function enqueue(tx: Executor, notice: Notice, now: Date = new Date()): Promise<number[]> {
  const channels = await tx
    .select({ id: notificationChannels.id })
    .from(notificationChannels)
    .where(
      and(
        eq(notificationChannels.enabled, true),
        notice.collegeId === null ? isNull(notificationChannels.collegeId) : eq(notificationChannels.collegeId, notice.collegeId),
      ),
    );
  if (channels.length === 0) return [];
  const rows = await tx
    .insert(notificationOutbox)
    .values(
      channels.map((c) => ({
        channelId: c.id,
        recipientUserId: notice.recipientUserId,
        event: notice.event,
        title: scrubPersonalNumbers(notice.title),
        body: scrubPersonalNumbers(notice.lines.join("\n")),
        dedupeKey: notice.dedupeKey ?? null,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notificationOutbox.id });
  return rows.map((r) => r.id);
}

/** A link into the dashboard: the configured public address (XUEJI_PUBLIC_URL), else the server's own. */
export function dashboardLink(path: string): string {
  const base = (process.env.XUEJI_PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
  return `${base}${path}`;
}
