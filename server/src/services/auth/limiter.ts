import { and, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { signInAttempts, signInCounters } from "../../db/schema";
import { countInWindow, pruneWindows as pruneTableWindows } from "../rate-window";

/**
 * The sign-in limits (README "Security"). A person with the right password at their usual address
 * must still get in while someone hammers their name from elsewhere, so:
 *
 * - `pair`: 5 failures per user name AND address in 15 minutes — the limit that guards the usual place;
 * - `user`: 20 failures per user name in an hour from addresses the user has not signed in from
 *   (a slow, distributed guess still stops; the usual address is not counted nor held by it);
 * - `address`: 30 failures on unknown user names per address in 15 minutes; once reached, that address
 *   may sign in only to accounts that have signed in from it before (a NAT'd office keeps working,
 *   and whether a name exists cannot be learned from which answer comes back).
 *
 * "Usual address" = a successful sign-in of that user from that address in the last 90 days
 * (OWASP's "known device" idea, with the address as the device).
 */
export const LIMITS = {
  pair: { attempts: 5, minutes: 15 },
  user: { attempts: 20, minutes: 60 },
  address: { attempts: 30, minutes: 15 },
} as const;
export const FAMILIAR_DAYS = 90;

export type LimitKind = keyof typeof LIMITS;

export function limitKey(kind: LimitKind, username: string, address: string): string {
  if (kind === "pair") return `pair:${username}\n${address}`;
  return kind === "user" ? `user:${username}` : `address:${address}`;
}

export interface Count {
  attempts: number;
  /** Whole minutes until the window closes (at least 1). */
  minutesLeft: number;
}

/** Counts one attempt and returns the new count, in one upsert-and-return (see countInWindow). */
export async function countAttempt(db: Executor, kind: LimitKind, key: string, now: Date): Promise<Count> {
  const { attempts, windowStartedAt } = await countInWindow(db, "sign_in_counters", key, LIMITS[kind].minutes, now);
  return toCount(kind, attempts, windowStartedAt, now);
}

/** The count of a window without adding to it (0 when none is open). */
export async function peekAttempts(db: Executor, kind: LimitKind, key: string, now: Date): Promise<Count> {
  const windowStart = new Date(now.getTime() - LIMITS[kind].minutes * 60_000);
  const [row] = await db
    .select()
    .from(signInCounters)
    .where(and(eq(signInCounters.key, key), gt(signInCounters.windowStartedAt, windowStart)));
  return row ? toCount(kind, row.attempts, row.windowStartedAt, now) : { attempts: 0, minutesLeft: LIMITS[kind].minutes };
}

/** Takes back an attempt that turned out to be a success, so the windows count failures only. */
export async function uncountAttempt(db: Executor, key: string): Promise<void> {
  await db
    .update(signInCounters)
    .set({ attempts: sql`greatest(${signInCounters.attempts} - 1, 0)` })
    .where(eq(signInCounters.key, key));
}

/** Closes a window (the pair's, after a successful sign-in). */
export async function clearWindow(db: Executor, key: string): Promise<void> {
  await db.delete(signInCounters).where(eq(signInCounters.key, key));
}

/** Whether the user has signed in from this address in the last FAMILIAR_DAYS days. */
export async function isFamiliar(db: Executor, username: string, address: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - FAMILIAR_DAYS * 86_400_000);
  const [row] = await db
    .select({ id: signInAttempts.id })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.username, username),
        eq(signInAttempts.address, address),
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.at, since),
      ),
    )
    .limit(1);
  return !!row;
}

/** Drops windows closed for over a day, so names an attacker invents do not pile up. */
export async function pruneWindows(db: Executor, now: Date): Promise<void> {
  await pruneTableWindows(db, "sign_in_counters", now);
}

function toCount(kind: LimitKind, attempts: number, startedAt: Date, now: Date): Count {
  const endsAt = startedAt.getTime() + LIMITS[kind].minutes * 60_000;
  return { attempts, minutesLeft: Math.max(1, Math.ceil((endsAt - now.getTime()) / 60_000)) };
}
