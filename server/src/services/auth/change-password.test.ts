import type { TRPCError } from "@trpc/server";
import { AppError, TEMPORARY_PASSWORD_DAYS } from "@xueji/shared";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, PASSWORD, type World } from "../../../test/world";
import { createContextInner } from "../../context";
import { auditEvents, sessions, users } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { createCaller } from "../../router";
import { LIMITS } from "./limiter";
import { signIn } from "./sign-in";

describe.each(TEST_ENGINES)("sessions that end, temporary and changed passwords on %s", (engine) => {
  let w: World;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    w = await makeWorld(engine);
    for (const u of await w.db.select().from(users)) id[u.username] = u.id;
  }, 60_000);
  afterAll(() => w.database.close());

  const attempt = (username: string, password: string, address = "10.2.2.2", now?: Date) =>
    signIn(w.db, { username, password, address, requestId: "t", ...(now ? { now } : {}) }).then(
      (session) => session,
      (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
    );
  const callerFor = async (token: string) =>
    createCaller(await createContextInner({ db: w.db, engine, token, today: () => "2026-11-23", requestId: "t" }));
  const appCode = (call: Promise<unknown>) =>
    call.then(
      () => "ok",
      (e: TRPCError) => (e.cause instanceof AppError ? e.cause.code : e.code),
    );

  it("tells a dead session why it died: password reset, account disabled, ended by the administrator, expired", async () => {
    const admin = await w.as("admin");
    const fresh = async (username: string) => {
      const session = await attempt(username, PASSWORD);
      if (session instanceof AppError) throw session;
      return session.token;
    };
    const ended = await fresh("school-leader");
    await admin.users.endSessions({ userId: id["school-leader"] as number });
    expect(await appCode((await callerFor(ended)).auth.me())).toBe("auth.session-ended");

    const disabled = await fresh("leader-b");
    await admin.users.disable({ userId: id["leader-b"] as number });
    expect(await appCode((await callerFor(disabled)).auth.me())).toBe("auth.account-disabled");
    await admin.users.enable({ userId: id["leader-b"] as number });

    const reset = await fresh("secretary-b");
    await admin.users.resetPassword({ userId: id["secretary-b"] as number });
    expect(await appCode((await callerFor(reset)).auth.me())).toBe("auth.password-reset");

    const expired = await fresh("registrar-leader");
    await w.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, id["registrar-leader"] as number));
    expect(await appCode((await callerFor(expired)).auth.me())).toBe("auth.session-expired");
    // A token never issued is just "please sign in".
    expect(await appCode((await callerFor("not-a-token")).auth.me())).toBe("auth.required");
  });

  it("warns how many attempts are left before the lock, the same for a name that exists and one that does not", async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < LIMITS.pair.attempts; i++) {
      known.push(((await attempt("secretary-a", `wrong-${i}`, "10.9.9.1")) as AppError).params);
      unknown.push(((await attempt("no-such-user", `wrong-${i}`, "10.9.9.2")) as AppError).params);
    }
    expect(known.map((p) => (p as { remaining: number }).remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(unknown).toEqual(known);
    expect(new AppError("auth.invalid-credentials", { remaining: 2, minutes: 15 }).userMessage()).toBe(
      "用户名或密码不正确。还可尝试 2 次，之后须等待 15 分钟。",
    );
  });

  it("makes a temporary password be changed first, and refuses it once expired", async () => {
    const admin = await w.as("admin");
    const created = await admin.users.create({
      username: "temp-user",
      displayName: "临时",
      role: "admin",
      collegeId: null,
      password: "handed over 2026",
    });
    const session = await attempt("temp-user", "handed over 2026");
    if (session instanceof AppError) throw session;
    expect(session.user.mustChangePassword).toBe(true);
    const caller = await callerFor(session.token);
    expect(await caller.auth.me()).toMatchObject({ mustChangePassword: true });
    expect(await appCode(caller.users.list())).toBe("auth.password-change-required");

    // After TEMPORARY_PASSWORD_DAYS it no longer signs in, and says so only to whoever knows it.
    const later = new Date(Date.now() + (TEMPORARY_PASSWORD_DAYS * 24 + 1) * 3600_000);
    expect(((await attempt("temp-user", "handed over 2026", "10.2.2.3", later)) as AppError).code).toBe("auth.temporary-expired");
    expect(((await attempt("temp-user", "a wrong guess", "10.2.2.4", later)) as AppError).code).toBe("auth.invalid-credentials");

    // The policy and the current password are the server's to check.
    expect(await appCode(caller.auth.changePassword({ current: "wrong", next: "a brand new passphrase" }))).toBe(
      "auth.wrong-current-password",
    );
    expect(await appCode(caller.auth.changePassword({ current: "handed over 2026", next: "short" }))).toBe("auth.password-policy");
    expect(await appCode(caller.auth.changePassword({ current: "handed over 2026", next: "handed over 2026" }))).toBe(
      "auth.password-policy",
    );
    const other = await attempt("temp-user", "handed over 2026", "10.2.2.5");
    if (other instanceof AppError) throw other;
    expect(await caller.auth.changePassword({ current: "handed over 2026", next: "my own passphrase" })).toEqual({ sessionsEnded: 1 });
    // This session goes on, now unrestricted; the other one ended; the new password signs in, the old does not.
    expect(await (await callerFor(session.token)).auth.me()).toMatchObject({ mustChangePassword: false });
    expect(await appCode((await callerFor(other.token)).auth.me())).toBe("auth.password-reset");
    expect(await attempt("temp-user", "my own passphrase", "10.2.2.6")).not.toBeInstanceOf(AppError);
    const [event] = await w.db
      .select()
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .where(eq(auditEvents.action, "user.change-password"));
    expect(event).toMatchObject({ entityId: String(created.id), userId: created.id, after: { wasTemporary: true, sessionsEnded: 1 } });
    expect(JSON.stringify(event)).not.toContain("passphrase");
  });
});
