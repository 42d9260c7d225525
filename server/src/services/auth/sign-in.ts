import { randomBytes } from "node:crypto";
import { AppError, type Role, TEMPORARY_PASSWORD_DAYS } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { signInAttempts, users } from "../../db/schema";
import { recordEvent } from "../audit-log/record-event";
import {
  clearWindow,
  countAttempt,
  countUserAttempt,
  isFamiliar,
  LIMITS,
  type LimitKind,
  limitKey,
  networkOf,
  peekAttempts,
  pruneWindows,
  releaseUserHold,
  USER_DELAY,
  userDelaySeconds,
} from "./limiter";
import { hashPassword, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";
import { createSession } from "./sessions";

/** The pair window, which is what a user who mistyped waits out. */
export const RATE_WINDOW_MINUTES = LIMITS.pair.minutes;

export interface SignInOptions {
  username: string;
  password: string;
  address: string;
  requestId: string;
  now?: Date;
}

// An unknown or disabled name is checked against this hash, so it takes as long as a known one
// (a timing difference of 6 ms against 89 ms once told which names exist).
let dummyHash: Promise<string> | undefined;
const dummy = () => {
  dummyHash ??= hashPassword(randomBytes(18).toString("base64"));
  return dummyHash;
};

export async function signIn(db: Db, options: SignInOptions): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const now = options.now ?? new Date();
  const username = options.username.trim();
  // The limits and the usual places count an IPv6 address as its /64 (networkOf).
  const address = networkOf(options.address);
  const key = (kind: LimitKind) => limitKey(kind, username, address);
  const refuse = (minutes: number) => new AppError("auth.rate-limited", { minutes });

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const familiar = await isFamiliar(db, username, address, now);

  // Each window is counted (atomically) before the password is checked, and in order, so that an
  // attempt refused by one window does not use up the next one.
  const pair = await countAttempt(db, "pair", key("pair"), now);
  if (pair.attempts > LIMITS.pair.attempts) throw refuse(pair.minutesLeft);
  let byUser = 0;
  if (!familiar) {
    const counted = await countUserAttempt(db, key("user"), now);
    if (counted.held) throw refuse(counted.minutesLeft);
    byUser = counted.attempts;
    // Unknown names count against the address; known ones only look, so the answer is the same for both.
    const byAddress = user
      ? await peekAttempts(db, "address", key("address"), now)
      : await countAttempt(db, "address", key("address"), now);
    const over = user ? byAddress.attempts >= LIMITS.address.attempts : byAddress.attempts > LIMITS.address.attempts;
    if (over) throw refuse(byAddress.minutesLeft);
  }

  const usable = user && !user.disabled ? user : undefined;
  const matches = await verifyPassword(options.password, usable?.passwordHash ?? (await dummy()));
  if (!usable || !matches) {
    // What is left before the lock, from the windows counted above: they are counted alike for names
    // that exist and names that do not, so the warning tells nothing about which this one is.
    let remaining = LIMITS.pair.attempts - pair.attempts;
    let minutes: number = LIMITS.pair.minutes;
    if (!familiar && USER_DELAY.free - byUser < remaining) {
      // The wait the user key sets once its free failures are used up (or now, past them).
      remaining = USER_DELAY.free - byUser;
      minutes = Math.ceil(userDelaySeconds(Math.max(byUser, USER_DELAY.free)) / 60);
    }
    throw new AppError("auth.invalid-credentials", { remaining: Math.max(0, remaining), minutes });
  }
  // Said only to whoever knows the password, so it tells a stranger nothing.
  if (usable.passwordExpiresAt && usable.passwordExpiresAt <= now)
    throw new AppError("auth.temporary-expired", { days: TEMPORARY_PASSWORD_DAYS });

  await clearWindow(db, key("pair"));
  if (!familiar) await releaseUserHold(db, key("user"));
  if (Math.random() < 0.02) await pruneWindows(db, now);

  return db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ username, address, succeeded: true, at: now });
    const session = await createSession(tx, usable.id, now);
    await recordEvent(
      tx,
      { userId: usable.id, role: usable.role as Role, requestId: options.requestId },
      { action: "auth.sign-in", entity: "user", entityId: String(usable.id) },
    );
    return {
      ...session,
      user: {
        id: usable.id,
        username: usable.username,
        displayName: usable.displayName,
        role: usable.role as Role,
        collegeId: usable.collegeId,
        mustChangePassword: usable.mustChangePassword,
      },
    };
  });
}
