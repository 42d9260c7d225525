import { randomInt } from "node:crypto";
import { AppError, COLLEGE_ROLES, passwordProblem, type Role, TEMPORARY_PASSWORD_DAYS } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { users } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";
import { hashPassword } from "./password";
import { endUserSessions, type SessionEndReason } from "./sessions";

/**
 * What an administrator does to accounts (docs/operations.md, “Accounts”). Each change and its audit event are
 * one transaction; disabling or resetting also ends the user's sessions, so a stolen session dies
 * with the old password. No password, temporary or chosen, is ever written to the audit log.
 */

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  collegeId: number | null;
  password: string;
  /**
   * Whether the password is a temporary one the user must change at first sign-in (an administrator
   * chose it and handed it over). `xueji admin create` sets false: the administrator typed their own.
   */
  temporary?: boolean;
}

/** What marks a password an administrator chose (by hand or by import): changed at first sign-in, dead after TEMPORARY_PASSWORD_DAYS. */
export function temporaryFields(temporary: boolean, now = new Date()) {
  return temporary
    ? { mustChangePassword: true, passwordExpiresAt: new Date(now.getTime() + TEMPORARY_PASSWORD_DAYS * 86_400_000) }
    : { mustChangePassword: false, passwordExpiresAt: null };
}

function assertPolicy(password: string, username?: string) {
  const problem = passwordProblem(password, username === undefined ? {} : { username });
  if (problem) throw new AppError("auth.password-policy", { policy: problem });
}

const PUBLIC = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  collegeId: users.collegeId,
  disabled: users.disabled,
};

export async function createUser(db: Db, actor: Actor, input: NewUser) {
  if (COLLEGE_ROLES.has(input.role) !== (input.collegeId !== null)) throw new AppError("college.unknown");
  assertPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw new AppError("user.exists", { username: input.username });
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        collegeId: input.collegeId,
        passwordHash,
        ...temporaryFields(input.temporary ?? true),
      })
      .returning(PUBLIC);
    if (!created) throw new Error("insert returned no row");
    await recordEvent(tx, actor, { action: "user.create", entity: "user", entityId: String(created.id), after: created });
    return created;
  });
}

export async function setDisabled(db: Db, actor: Actor, userId: number, disabled: boolean) {
  if (disabled && actor.userId === userId) throw new AppError("user.not-self");
  return db.transaction(async (tx) => {
    const before = await userRow(tx, userId);
    const [after] = await tx.update(users).set({ disabled }).where(eq(users.id, userId)).returning(PUBLIC);
    const ended = disabled ? await deleteSessions(tx, userId, "disabled") : 0;
    await recordEvent(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: String(userId),
      before: { disabled: before.disabled },
      after: { disabled, sessionsEnded: ended },
    });
    if (!after) throw new AppError("user.not-found");
    return after;
  });
}

// No 0/O, 1/l/I: the temporary password is read out or copied by hand.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 16 characters from 56: about 93 bits, far beyond guessing within the sign-in limits. */
export function temporaryPassword(): string {
  return Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** Sets a new password (the one given, or a temporary one returned once) and ends the user's sessions. */
export async function resetPassword(db: Db, actor: Actor, userId: number, password?: string) {
  const chosen = password ?? temporaryPassword();
  const passwordHash = await hashPassword(chosen);
  return db.transaction(async (tx) => {
    const row = await userRow(tx, userId);
    assertPolicy(chosen, row.username);
    // Whoever the administrator handed it to must change it at sign-in: it has been seen by two people.
    await tx
      .update(users)
      .set({ passwordHash, ...temporaryFields(true) })
      .where(eq(users.id, userId));
    const ended = await deleteSessions(tx, userId, "password-reset");
    await recordEvent(tx, actor, {
      action: "user.reset-password",
      entity: "user",
      entityId: String(userId),
      after: { temporary: password === undefined, sessionsEnded: ended },
    });
    return { userId, sessionsEnded: ended, ...(password === undefined ? { temporaryPassword: chosen } : {}) };
  });
}

export async function endSessions(db: Db, actor: Actor, userId: number) {
  return db.transaction(async (tx) => {
    await userRow(tx, userId);
    const ended = await deleteSessions(tx, userId, "ended");
    await recordEvent(tx, actor, {
      action: "user.end-sessions",
      entity: "user",
      entityId: String(userId),
      after: { sessionsEnded: ended },
    });
    return { userId, sessionsEnded: ended };
  });
}

const USERS_BY_ID: Keyset = { name: "users/id", parts: [{ expr: users.id, type: "int8" }], direction: "asc" };

/** Every account, a page at a time (the administrator's list). */
export async function listUsers(db: Executor, page: PageOptions) {
  const rows = await db
    .select({ ...PUBLIC, ...keyColumns(USERS_BY_ID) })
    .from(users)
    .where(afterCursor(USERS_BY_ID, page.cursor))
    .orderBy(...keysetOrder(USERS_BY_ID))
    .limit(page.limit + 1);
  return toPage(USERS_BY_ID, rows, page.limit, withoutKeys);
}

async function userRow(tx: Executor, userId: number) {
  const [row] = await tx.select(PUBLIC).from(users).where(eq(users.id, userId)).for("update");
  if (!row) throw new AppError("user.not-found");
  return row;
}

function deleteSessions(tx: Executor, userId: number, reason: SessionEndReason): Promise<number> {
  return endUserSessions(tx, userId, reason);
}
