import { and, count, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, notificationChannels, notificationOutbox, users } from "../../db/schema";

export type OutboxState = "pending" | "sending" | "sent" | "failed";

/** The 通知 page: messages newest first, with where they went, their state, attempts and the last failure's reason. */
export async function listOutbox(db: Db, options: { state?: OutboxState | undefined; beforeId?: number | undefined; limit: number }) {
  const where: SQL[] = [];
  if (options.state) where.push(eq(notificationOutbox.state, options.state));
  if (options.beforeId) where.push(lt(notificationOutbox.id, options.beforeId));
  const rows = await db
    .select({
      id: notificationOutbox.id,
      event: notificationOutbox.event,
      title: notificationOutbox.title,
      body: notificationOutbox.body,
      state: notificationOutbox.state,
      attempts: notificationOutbox.attempts,
      lastError: notificationOutbox.lastError,
      createdAt: notificationOutbox.createdAt,
      sentAt: notificationOutbox.sentAt,
      nextAttemptAt: notificationOutbox.nextAttemptAt,
      channelKind: notificationChannels.kind,
      collegeName: colleges.name,
      recipient: users.displayName,
    })
    .from(notificationOutbox)
    .innerJoin(notificationChannels, eq(notificationChannels.id, notificationOutbox.channelId))
    .leftJoin(colleges, eq(colleges.id, notificationChannels.collegeId))
    .leftJoin(users, eq(users.id, notificationOutbox.recipientUserId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(notificationOutbox.id))
    .limit(options.limit + 1);
  const counts = await db
    .select({ state: notificationOutbox.state, n: count() })
    .from(notificationOutbox)
    .groupBy(notificationOutbox.state);
  const items = rows.slice(0, options.limit);
  return {
    items,
    nextBeforeId: rows.length > options.limit ? (items.at(-1)?.id ?? null) : null,
    counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])) as Partial<Record<OutboxState, number>>,
  };
}
