import { randomBytes } from "node:crypto";
import { AppError, keepsPasswordUnderCampusSignOn, type Role, TEMPORARY_PASSWORD_DAYS } from "@xueji/shared";
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
  /** `administrators`: the university signs in through its portal; only administrators keep passwords. */
  passwords?: "all" | "administrators";
  /**
   * The password check, the real scrypt one unless given: a test wraps it to count the checks an attempt costs and
   * see which hash each compared with (an unknown name must cost what a known one does).
   */
  verify?: (password: string, stored: string) => Promise<boolean>;
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
  const verify = options.verify ?? verifyPassword;
  const matches = await verify(options.password, usable?.passwordHash ?? (await dummy()));
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
  if (options.passwords === "administrators" && !keepsPasswordUnderCampusSignOn(usable.role)) throw new AppError("auth.password-off");
  if (usable.passwordExpiresAt && usable.passwordExpiresAt <= now)
    throw new AppError("auth.temporary-expired", { days: TEMPORARY_PASSWORD_DAYS });

  await clearWindow(db, key("pair"));
  if (!familiar) await releaseUserHold(db, key("user"));

  return openSession(db, usable, { address, requestId: options.requestId, now, action: "auth.sign-in" });
}

/**
 * The one way a session is opened, whether by password or by campus sign-on: the address becomes
 * familiar, the session row is written and the sign-in is audited, in one transaction.
 */
export function openSession(
  db: Db,
  user: typeof users.$inferSelect,
  options: {
    address: string;
    requestId: string;
    now: Date;
    action: "auth.sign-in" | "auth.sign-on";
    /** How the campus portal vouched for the user (cas, oidc), for the audit entry. */
    method?: "cas" | "oidc";
    signOnTicket?: string | null;
  },
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  return db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ username: user.username, address: options.address, succeeded: true, at: options.now });
    const session = await createSession(tx, user.id, options.now, options.signOnTicket ?? null);
    await recordEvent(
      tx,
      { userId: user.id, role: user.role as Role, requestId: options.requestId },
      {
        action: options.action,
        entity: "user",
        entityId: String(user.id),
        ...(options.method ? { after: { method: options.method } } : {}),
      },
    );
    return {
      ...session,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role as Role,
        collegeId: user.collegeId,
        mustChangePassword: user.mustChangePassword,
      },
    };
  });
}
