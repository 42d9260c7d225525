import { isIPv6 } from "node:net";
import { and, eq, gt, sql } from "drizzle-orm";
import { type Executor, resultRows } from "../../db/client";
import { signInAttempts, signInCounters } from "../../db/schema";
import { countInWindow, KEEP_WINDOWS_MS } from "../rate-window";

/**
 * The sign-in limits (README "Security"). A person with the right password at their usual address
 * must still get in while someone hammers their name from elsewhere, so:
 *
 * - `pair`: 5 failures per user name AND address in 15 minutes — the limit that guards the usual place;
 * - `user`: failures per user name from addresses the user has not signed in from, with a progressive
 *   delay (USER_DELAY): 10 free, then a wait that doubles with each failure, from 30 seconds to at most
 *   15 minutes; an hour without one starts the count again. A distributed guess slows to four an hour,
 *   while the user, away from her usual address, waits minutes rather than the hour a fixed hold of
 *   20 failures once cost her (anyone could cause it). The usual address is neither counted nor held;
 * - `address`: 30 failures on unknown user names per address in 15 minutes; once reached, that address
 *   may sign in only to accounts that have signed in from it before (a NAT'd office keeps working,
 *   and whether a name exists cannot be learned from which answer comes back).
 *
 * "Usual address" = a successful sign-in of that user from that address in the last 90 days
 * (OWASP's "known device" idea, with the address as the device). An IPv6 address counts as its /64
 * (networkOf): one subscriber or office holds a whole /64 and picks new addresses in it at will.
 */
export const LIMITS = {
  pair: { attempts: 5, minutes: 15 },
  address: { attempts: 30, minutes: 15 },
} as const;
export const USER_DELAY = { free: 10, firstSeconds: 30, maxMinutes: 15, quietMinutes: 60 } as const;
export const FAMILIAR_DAYS = 90;

export type LimitKind = keyof typeof LIMITS | "user";

/** The seconds the `n`th failure (counted by the `user` key) makes the next attempt wait. */
export function userDelaySeconds(n: number): number {
  if (n < USER_DELAY.free) return 0;
  return Math.min(USER_DELAY.maxMinutes * 60, USER_DELAY.firstSeconds * 2 ** (n - USER_DELAY.free));
}

/**
 * What the limits count an address as: an IPv4 address itself (also when IPv4-mapped), an IPv6
 * address its /64 network, written `2001:db8:1:2::/64`.
 */
export function networkOf(address: string): string {
  const bare = address.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(bare)) return address;
  const [head = "", tail = ""] = bare.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::1.2.3.4) is past the first 64 bits, so only its count of groups matters.
  const groups = right.length && right.at(-1)?.includes(".") ? right.length + 1 : right.length;
  const full = bare.includes("::") ? [...left, ...Array(8 - left.length - groups).fill("0"), ...right] : left;
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

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
export async function countAttempt(db: Executor, kind: keyof typeof LIMITS, key: string, now: Date): Promise<Count> {
  const { attempts, windowStartedAt } = await countInWindow(db, "sign_in_counters", key, LIMITS[kind].minutes, now);
  return toCount(kind, attempts, windowStartedAt, now);
}

/**
 * The `user` key's progressive delay, in ONE statement: while the key is held (`held_until` ahead of
 * now) the attempt is refused and not counted; otherwise it is counted and, should it fail, the next
 * one waits `userDelaySeconds(count)` (a success releases that hold: releaseUserHold). No hold is
 * null, never "until now": attempts a few milliseconds apart must not hold each other. Concurrent
 * attempts are serialised by the upsert's row lock: once one has set a hold, the rest see it.
 */
export async function countUserAttempt(
  db: Executor,
  key: string,
  now: Date,
): Promise<{ held: false; attempts: number } | { held: true; minutesLeft: number }> {
  const at = now.toISOString();
  const quiet = new Date(now.getTime() - USER_DELAY.quietMinutes * 60_000).toISOString();
  const fresh = sql`coalesce(c.held_until, c.window_started_at) <= ${quiet}`;
  const next = sql`(case when ${fresh} then 1 else c.attempts + 1 end)`;
  const delay = sql`(case when ${next} < ${USER_DELAY.free} then 0
    else least(${USER_DELAY.maxMinutes * 60}, ${USER_DELAY.firstSeconds} * power(2, ${next} - ${USER_DELAY.free})) end)`;
  const counted = resultRows<{ attempts: number }>(
    await db.execute(sql`
      insert into sign_in_counters as c (key, window_started_at, attempts, held_until)
      values (${key}, ${at}, 1, null)
      on conflict (key) do update set
        attempts = ${next},
        window_started_at = case when ${fresh} then ${at}::timestamptz else c.window_started_at end,
        held_until = case when ${delay} = 0 then null else ${at}::timestamptz + make_interval(secs => ${delay}) end
      where c.held_until is null or c.held_until <= ${at}
      returning attempts`),
  );
  if (counted[0]) return { held: false, attempts: Number(counted[0].attempts) };
  const [row] = await db.select({ heldUntil: signInCounters.heldUntil }).from(signInCounters).where(eq(signInCounters.key, key));
  const left = (row?.heldUntil?.getTime() ?? now.getTime()) - now.getTime();
  return { held: true, minutesLeft: Math.max(1, Math.ceil(left / 60_000)) };
}

/** A success from an unfamiliar address: its attempt is taken back and the hold it set released. */
export async function releaseUserHold(db: Executor, key: string): Promise<void> {
  await db
    .update(signInCounters)
    .set({ attempts: sql`greatest(${signInCounters.attempts} - 1, 0)`, heldUntil: null })
    .where(eq(signInCounters.key, key));
}

/** The count of a window without adding to it (0 when none is open). */
export async function peekAttempts(db: Executor, kind: keyof typeof LIMITS, key: string, now: Date): Promise<Count> {
  const windowStart = new Date(now.getTime() - LIMITS[kind].minutes * 60_000);
  const [row] = await db
    .select()
    .from(signInCounters)
    .where(and(eq(signInCounters.key, key), gt(signInCounters.windowStartedAt, windowStart)));
  return row ? toCount(kind, row.attempts, row.windowStartedAt, now) : { attempts: 0, minutesLeft: LIMITS[kind].minutes };
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

/** Drops windows closed for over a day, so names an attacker invents do not pile up (a held key stays while held). */
export async function pruneWindows(db: Executor, now: Date): Promise<void> {
  await db.execute(
    sql`delete from sign_in_counters where coalesce(held_until, window_started_at) < ${new Date(now.getTime() - KEEP_WINDOWS_MS).toISOString()}`,
  );
}

function toCount(kind: keyof typeof LIMITS, attempts: number, startedAt: Date, now: Date): Count {
  const endsAt = startedAt.getTime() + LIMITS[kind].minutes * 60_000;
  return { attempts, minutesLeft: Math.max(1, Math.ceil((endsAt - now.getTime()) / 60_000)) };
}
