import { AppError, passwordProblem } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { hashPassword, verifyPassword } from "./password";
import { endUserSessions } from "./sessions";

export interface ChangePasswordOptions {
  current: string;
  next: string;
  /** The session that asked: it stays signed in, every other one of the user's ends. */
  token: string | null;
}

/**
 * A user changes their own password (the forced change of a temporary one, or any day). The current
 * password is asked again, so an unattended screen cannot be used to take the account; the other
 * sessions end (a stolen one dies with the old password); the audit event never holds a password.
 */
export async function changePassword(db: Db, actor: Actor & { userId: number }, options: ChangePasswordOptions) {
  const [user] = await db
    .select({ username: users.username, passwordHash: users.passwordHash, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user) throw new AppError("user.not-found");
  if (!(await verifyPassword(options.current, user.passwordHash))) throw new AppError("auth.wrong-current-password");
  const problem = passwordProblem(options.next, { username: user.username, current: options.current });
  if (problem) throw new AppError("auth.password-policy", { policy: problem });
  const passwordHash = await hashPassword(options.next);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordExpiresAt: null }).where(eq(users.id, actor.userId));
    const ended = await endUserSessions(tx, actor.userId, "password-reset", options.token ? { keep: options.token } : {});
    await recordEvent(tx, actor, {
      action: "user.change-password",
      entity: "user",
      entityId: String(actor.userId),
      after: { wasTemporary: user.mustChangePassword, sessionsEnded: ended },
    });
    return { sessionsEnded: ended };
  });
}
