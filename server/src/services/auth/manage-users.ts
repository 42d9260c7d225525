import { randomInt } from "node:crypto";
import { AppError, COLLEGE_ROLES, type Role } from "@xueji/shared";
import { count, eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { sessions, users } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { hashPassword } from "./password";

/**
 * What an administrator does to accounts (issue 7 item 11). Each change and its audit event are
 * one transaction; disabling or resetting also ends the user's sessions, so a stolen session dies
 * with the old password. No password, temporary or chosen, is ever written to the audit log.
 */

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  collegeId: number | null;
  password: string;
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
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw new AppError("user.exists", { username: input.username });
    const [created] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, role: input.role, collegeId: input.collegeId, passwordHash })
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
    const ended = disabled ? await deleteSessions(tx, userId) : 0;
    await recordEvent(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: String(userId),
      before: { disabled: before.disabled },
      after: { disabled, sessionsEnded: ended },
    });
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
    await userRow(tx, userId);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    const ended = await deleteSessions(tx, userId);
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
    const ended = await deleteSessions(tx, userId);
    await recordEvent(tx, actor, {
      action: "user.end-sessions",
      entity: "user",
      entityId: String(userId),
      after: { sessionsEnded: ended },
    });
    return { userId, sessionsEnded: ended };
  });
}

export function listUsers(db: Executor) {
  return db.select(PUBLIC).from(users).orderBy(users.id);
}

async function userRow(tx: Executor, userId: number) {
  const [row] = await tx.select(PUBLIC).from(users).where(eq(users.id, userId)).for("update");
  if (!row) throw new AppError("user.not-found");
  return row;
}

async function deleteSessions(tx: Executor, userId: number): Promise<number> {
  const [n] = await tx.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  return n?.n ?? 0;
}
