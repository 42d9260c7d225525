import { and, asc, count, eq, gt, inArray, lt, lte, min, or, type SQL, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { notificationChannels, notificationOutbox } from "../../db/schema";
import { DeliveryError, PER_MINUTE, send } from "./channel-senders";
import { ChannelNotReady, openChannel } from "./channels";

/**
 * A sender that died mid-delivery leaves its messages `sending`; after the lease another process takes them
 * over (XUEJI_OUTBOX_LEASE_SECONDS, docs/operations.md). Long enough for a batch at a robot's pace.
 */
export const LEASE_MS = 2 * 60_000;
const WINDOW_MS = 60_000;
/**
 * Backoff: 30 s, 1 min, 2 min … at most an hour; after the eighth attempt the message is marked failed. An attempt
 * is a delivery really tried: the channel called. A claim is not one.
 */
export const MAX_ATTEMPTS = 8;
/**
 * A claim whose lease ran out (its process died: kill -9, a redeploy, the machine lost) is taken over without
 * using up an attempt, since the channel may never have been called. So that a message which itself kills every
 * process that takes it (one too big to hold, a channel call that crashes) does not loop for ever, take-overs
 * are bounded apart: the eleventh lapsed claim of a message marks it failed. Ten is more than the eight attempts,
 * so processes dying for reasons of their own do not fail what a live one would deliver; at the 2-minute lease it
 * is about twenty minutes of a crashing message.
 */
export const MAX_TAKEOVERS = 10;
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

type OutboxRow = typeof notificationOutbox.$inferSelect;
type ChannelRow = typeof notificationChannels.$inferSelect;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  /** Refused by the channel for good, out of attempts, or abandoned by more than MAX_TAKEOVERS processes. */
  failed: number;
  /** Held back by a robot's per-minute limit, due again when its window frees. */
  deferred: number;
}

/**
 * Claims what is due, in one short transaction: the rows with `FOR UPDATE SKIP LOCKED`, so two processes
 * never claim the same message (PGlite, with one connection, takes the same statement); per channel, at most
 * as many as its robot still takes this minute. Claimed rows are `sending` under a lease. A claim is not an
 * attempt: the minute's count is kept by `stampAttempt`, right before each send, so the messages of a
 * process that died after claiming never use up a robot's minute, and `attempts` grows only when the channel
 * was called. A lapsed claim counts in `takeovers` instead (whether this process takes it or puts it back for the
 * robot's next minute); one lapsed more than MAX_TAKEOVERS times is marked failed, not claimed.
 */
export async function claim(
  db: Db,
  now: Date,
  batch: number,
  leaseMs: number,
): Promise<{ claimed: Array<{ row: OutboxRow; channel: ChannelRow }>; deferred: number; failed: number }> {
  return db.transaction(async (tx) => {
    const found = await tx
      .select()
      .from(notificationOutbox)
      .where(
        or(
          and(eq(notificationOutbox.state, "pending"), lte(notificationOutbox.nextAttemptAt, now)),
          and(eq(notificationOutbox.state, "sending"), lt(notificationOutbox.leaseUntil, now)),
        ),
      )
      .orderBy(asc(notificationOutbox.id))
      .limit(batch)
      .for("update", { skipLocked: true });
    const abandoned = found.filter((row) => row.state === "sending" && row.takeovers >= MAX_TAKEOVERS);
    if (abandoned.length > 0)
      await tx
        .update(notificationOutbox)
        .set({
          state: "failed",
          leaseUntil: null,
          takeovers: sql`${notificationOutbox.takeovers} + 1`,
          lastError: `发送它的进程中断了 ${MAX_TAKEOVERS + 1} 次，不再重试 / the process sending it stopped ${MAX_TAKEOVERS + 1} times; not retried`,
        })
        .where(
          inArray(
            notificationOutbox.id,
            abandoned.map((r) => r.id),
          ),
        );
    const due = found.filter((row) => !abandoned.includes(row));
    // A row still `sending` here is a lapsed claim: its process died.
    const takenOver = sql`${notificationOutbox.takeovers} + case when ${notificationOutbox.state} = 'sending' then 1 else 0 end`;
    const byChannel = new Map<number, OutboxRow[]>();
    for (const row of due) byChannel.set(row.channelId, [...(byChannel.get(row.channelId) ?? []), row]);
    const claimed: Array<{ row: OutboxRow; channel: ChannelRow }> = [];
    let deferred = 0;
    for (const [channelId, rows] of [...byChannel].sort(([a], [b]) => a - b)) {
      const [channel] = await tx.select().from(notificationChannels).where(eq(notificationChannels.id, channelId)).for("update").limit(1);
      if (!channel) continue;
      const { used, freesAt } = await minuteUsed(tx, channelId, now);
      const budget = Math.max(0, PER_MINUTE[channel.kind] - used);
      const take = rows.slice(0, budget);
      const wait = rows.slice(budget);
      if (take.length > 0) {
        const leaseUntil = new Date(now.getTime() + leaseMs);
        const updated = await tx
          .update(notificationOutbox)
          .set({ state: "sending", leaseUntil, takeovers: takenOver })
          .where(
            inArray(
              notificationOutbox.id,
              take.map((r) => r.id),
            ),
          )
          .returning();
        for (const row of updated) claimed.push({ row, channel });
      }
      if (wait.length > 0) {
        await tx
          .update(notificationOutbox)
          .set({ state: "pending", nextAttemptAt: freesAt, leaseUntil: null, takeovers: takenOver })
          .where(
            inArray(
              notificationOutbox.id,
              wait.map((r) => r.id),
            ),
          );
        deferred += wait.length;
      }
    }
    claimed.sort((a, b) => a.row.id - b.row.id);
    return { claimed, deferred, failed: abandoned.length };
  });
}

/**
 * A robot's minute as the outbox records it: the attempts made in the last minute (each stamped right before
 * its send, by whichever process), and when the oldest of them leaves the window.
 */
async function minuteUsed(tx: Executor, channelId: number, now: Date): Promise<{ used: number; freesAt: Date }> {
  const [{ used, oldest } = { used: 0, oldest: null }] = await tx
    .select({ used: count(), oldest: min(notificationOutbox.lastAttemptAt) })
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.channelId, channelId), gt(notificationOutbox.lastAttemptAt, new Date(now.getTime() - WINDOW_MS))));
  const frees = new Date((oldest ? new Date(oldest).getTime() : now.getTime()) + WINDOW_MS);
  return { used: Number(used), freesAt: frees > now ? frees : new Date(now.getTime() + 1000) };
}

/**
 * Right before a send, with the channel's row locked (so the count holds across processes): counts this
 * attempt in the robot's minute if the minute has room, else puts the message back, due when the window frees
 * (its claim no attempt). "lost" when another process took it over after our lease ran out.
 */
async function stampAttempt(db: Db, channel: ChannelRow, now: Date, ours: SQL | undefined): Promise<"send" | "deferred" | "lost"> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: notificationChannels.id })
      .from(notificationChannels)
      .where(eq(notificationChannels.id, channel.id))
      .for("update");
    const { used, freesAt } = await minuteUsed(tx, channel.id, now);
    const room = used < PER_MINUTE[channel.kind];
    const updated = await tx
      .update(notificationOutbox)
      .set(room ? { lastAttemptAt: now } : { state: "pending", nextAttemptAt: freesAt, leaseUntil: null })
      .where(ours)
      .returning({ id: notificationOutbox.id });
    if (updated.length === 0) return "lost";
    return room ? "send" : "deferred";
  });
}

/**
 * Delivers what the outbox holds that is due at `now`: each message is sent at most once per claim, marked
 * sent, or put back with a backoff, or marked failed with its reason (the 通知 page shows it). Run it
 * by the scheduler (notification-jobs.ts) and right after a 催办.
 */
export async function deliverOutbox(
  db: Db,
  now: Date,
  options: { batch?: number; env?: NodeJS.ProcessEnv; leaseMs?: number } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, deferred: 0 };
  const { claimed, deferred, failed } = await claim(db, now, options.batch ?? 100, options.leaseMs ?? LEASE_MS);
  report.deferred = deferred;
  report.failed = failed;
  for (const { row, channel } of claimed) {
    // Only the claim we made is settled: a row another process took over after our lease ran out is its. A
    // take-over adds one to `takeovers`, and neither count ever goes down, so the pair tells our claim apart.
    const ours = and(
      eq(notificationOutbox.id, row.id),
      eq(notificationOutbox.state, "sending"),
      eq(notificationOutbox.attempts, row.attempts),
      eq(notificationOutbox.takeovers, row.takeovers),
    );
    const attempts = row.attempts + 1;
    const stamped = await stampAttempt(db, channel, now, ours);
    if (stamped === "deferred") report.deferred++;
    if (stamped !== "send") continue;
    try {
      await send(openChannel(channel, options.env), { title: row.title, body: row.body }, now);
      await db
        .update(notificationOutbox)
        .set({ state: "sent", attempts, sentAt: new Date(), leaseUntil: null, lastError: null })
        .where(ours);
      report.sent++;
    } catch (error) {
      const reason = (error as Error).message.slice(0, 500);
      const retry = error instanceof DeliveryError ? error.retry : !(error instanceof ChannelNotReady);
      if (retry && attempts < MAX_ATTEMPTS) {
        await db
          .update(notificationOutbox)
          .set({
            state: "pending",
            attempts,
            leaseUntil: null,
            lastError: reason,
            nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          })
          .where(ours);
        report.retrying++;
      } else {
        await db.update(notificationOutbox).set({ state: "failed", attempts, leaseUntil: null, lastError: reason }).where(ours);
        report.failed++;
      }
    }
  }
  return report;
}
