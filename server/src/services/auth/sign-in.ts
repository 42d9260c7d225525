import { AppError, type Role } from "@xueji/shared";
import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { signInAttempts, users } from "../../db/schema";
import { recordEvent } from "../audit-log/record-event";
import { verifyPassword } from "./password";
import type { SessionUser } from "./session-user";
import { createSession } from "./sessions";

// At most 5 failures per user name and 30 per address in 15 minutes; counted in the database so
// that every server process behind the load balancer sees the same count.
export const RATE_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_USER = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

export interface SignInOptions {
  username: string;
  password: string;
  address: string;
  requestId: string;
  now?: Date;
}

export async function signIn(db: Db, options: SignInOptions): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000);
  const username = options.username.trim();
  const failures = (where: ReturnType<typeof eq>) =>
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(where, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
  const [[byUser], [byAddress]] = await Promise.all([
    failures(eq(signInAttempts.username, username)),
    failures(eq(signInAttempts.address, options.address)),
  ]);
  if ((byUser?.n ?? 0) >= MAX_FAILURES_PER_USER || (byAddress?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError("auth.rate-limited", { minutes: RATE_WINDOW_MINUTES });
  }

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const ok = !!user && !user.disabled && (await verifyPassword(options.password, user.passwordHash));
  await db.insert(signInAttempts).values({ username, address: options.address, succeeded: ok, at: now });
  if (!ok || !user) throw new AppError("auth.invalid-credentials");

  return db.transaction(async (tx) => {
    const session = await createSession(tx, user.id, now);
    await recordEvent(
      tx,
      { userId: user.id, role: user.role as Role, requestId: options.requestId },
      { action: "auth.sign-in", entity: "user", entityId: String(user.id) },
    );
    return {
      ...session,
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role as Role, collegeId: user.collegeId },
    };
  });
}
