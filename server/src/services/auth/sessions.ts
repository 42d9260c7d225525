import { createHash, randomBytes } from "node:crypto";
import type { ErrorCode, Role } from "@xueji/shared";
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { sessions, users } from "../../db/schema";
import type { SessionUser } from "./session-user";

export const SESSION_HOURS = 12;

/** Why a session ended before its time; each is said to the reader on the sign-in page. */
export const SESSION_END_REASONS = ["password-reset", "disabled", "ended", "signed-out-centrally"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** The UNAUTHORIZED code a request with a dead token gets, so the sign-in page can say why. */
const REASON_CODES: Record<SessionEndReason | "expired", ErrorCode> = {
  "password-reset": "auth.password-reset",
  disabled: "auth.account-disabled",
  ended: "auth.session-ended",
  "signed-out-centrally": "auth.signed-out-centrally",
  expired: "auth.session-expired",
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * 32 random bytes in base64url, never starting with "-": a token is passed as `xueji … --token T`, and
 * the command line's parser takes a value starting with a dash for an option (1 token in 64 would
 * then be refused as "ambiguous").
 */
export function newToken(): string {
  for (;;) {
    const token = randomBytes(32).toString("base64url");
    if (!token.startsWith("-")) return token;
  }
}

/**
 * Creates an opaque random token; only its hash is stored. `signOnTicket` is the hash of the campus
 * ticket that opened it, for single sign-out.
 */
export async function createSession(
  db: Executor,
  userId: number,
  now = new Date(),
  signOnTicket: string | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt, signOnTicket });
  return { token, expiresAt };
}

const SESSION_USER = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  collegeId: users.collegeId,
  mustChangePassword: users.mustChangePassword,
};

export async function userForToken(db: Executor, token: string | null, now = new Date()): Promise<SessionUser | null> {
  return (await sessionForToken(db, token, now)).user;
}

/**
 * The user a token signs in, or why it no longer does: `ended` is the error code to answer with when
 * the token belonged to a session that expired or was ended (null for no token or one never issued).
 */
export async function sessionForToken(
  db: Executor,
  token: string | null,
  now = new Date(),
): Promise<{ user: SessionUser | null; ended: ErrorCode | null }> {
  if (!token || token.length > 200) return { user: null, ended: null };
  const [row] = await db
    .select({ ...SESSION_USER, disabled: users.disabled, expiresAt: sessions.expiresAt, endedReason: sessions.endedReason })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return { user: null, ended: null };
  const { disabled, expiresAt, endedReason, ...user } = row;
  if (disabled) return { user: null, ended: REASON_CODES.disabled };
  if (endedReason) return { user: null, ended: REASON_CODES[endedReason as SessionEndReason] ?? "auth.session-ended" };
  if (expiresAt <= now) return { user: null, ended: REASON_CODES.expired };
  return { user: { ...user, role: user.role as Role }, ended: null };
}

export async function endSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/**
 * Ends a user's live sessions (all, or all but `keep`), recording why; returns how many. The rows stay
 * until they would have expired, so each dead token can still be told why it died.
 */
export async function endUserSessions(
  tx: Executor,
  userId: number,
  reason: SessionEndReason,
  options: { keep?: string; now?: Date } = {},
): Promise<number> {
  const live = and(
    eq(sessions.userId, userId),
    isNull(sessions.endedReason),
    gt(sessions.expiresAt, options.now ?? new Date()),
    options.keep ? ne(sessions.tokenHash, hashToken(options.keep)) : undefined,
  );
  const ended = await tx.update(sessions).set({ endedReason: reason }).where(live).returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
