import type { TRPCError } from "@trpc/server";
import { AppError } from "@xueji/shared";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, PASSWORD, type World } from "../../../test/world";
import { auditEvents, users } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { signIn } from "./sign-in";

describe.each(TEST_ENGINES)("administering accounts on %s", (engine) => {
  let w: World;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    w = await makeWorld(engine);
    for (const u of await w.db.select().from(users)) id[u.username] = u.id;
  }, 60_000);
  afterAll(() => w.database.close());

  const canSignIn = (username: string, password: string) =>
    signIn(w.db, { username, password, address: "10.1.1.1", requestId: "t" }).then(
      () => true,
      (e: unknown) => (e instanceof AppError ? e.code : e),
    );
  const lastEvent = async () => (await w.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1))[0];
  const code = (call: Promise<unknown>) =>
    call.then(
      () => "ok",
      (e: TRPCError) => e.code,
    );

  it("disables a user: their sessions end and the right password no longer signs in; enabling restores it", async () => {
    const admin = await w.as("admin");
    expect(await (await w.as("secretary-b")).auth.me()).toMatchObject({ username: "secretary-b" });
    expect(await admin.users.disable({ userId: id["secretary-b"] as number })).toMatchObject({ disabled: true });
    expect(await lastEvent()).toMatchObject({
      action: "user.disable",
      entityId: String(id["secretary-b"]),
      userId: id.admin,
      after: { disabled: true, sessionsEnded: 1 },
    });
    expect(await code((await w.as("secretary-b")).auth.me())).toBe("UNAUTHORIZED");
    expect(await canSignIn("secretary-b", PASSWORD)).toBe("auth.invalid-credentials");
    await admin.users.enable({ userId: id["secretary-b"] as number });
    expect((await lastEvent())?.action).toBe("user.enable");
    expect(await canSignIn("secretary-b", PASSWORD)).toBe(true);
  });

  it("resets a password to a temporary one shown once, never written to the log of events", async () => {
    const admin = await w.as("admin");
    const reset = await admin.users.resetPassword({ userId: id["leader-b"] as number });
    expect(reset.temporaryPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(reset.sessionsEnded).toBe(1);
    expect(await canSignIn("leader-b", PASSWORD)).toBe("auth.invalid-credentials");
    expect(await canSignIn("leader-b", reset.temporaryPassword as string)).toBe(true);
    const [event] = await w.db.select().from(auditEvents).where(eq(auditEvents.action, "user.reset-password"));
    expect(event).toMatchObject({ action: "user.reset-password", after: { temporary: true } });
    expect(JSON.stringify(await w.db.select().from(auditEvents))).not.toContain(reset.temporaryPassword);
    // Or to one the administrator chooses.
    const chosen = await admin.users.resetPassword({ userId: id["leader-b"] as number, password: "a chosen passphrase" });
    expect(chosen).not.toHaveProperty("temporaryPassword");
    expect(await canSignIn("leader-b", "a chosen passphrase")).toBe(true);
  });

  it("ends a user's sessions", async () => {
    const admin = await w.as("admin");
    expect(await admin.users.endSessions({ userId: id["school-leader"] as number })).toEqual({
      userId: id["school-leader"],
      sessionsEnded: 1,
    });
    expect((await lastEvent())?.action).toBe("user.end-sessions");
    expect(await code((await w.as("school-leader")).auth.me())).toBe("UNAUTHORIZED");
  });

  it("creates a user who can sign in, refuses a taken name, an unknown user and disabling oneself", async () => {
    const admin = await w.as("admin");
    const created = await admin.users.create({
      username: "new-staff",
      displayName: "新同事",
      role: "registrar-staff",
      collegeId: null,
      password: "first passphrase",
    });
    expect((await lastEvent())?.action).toBe("user.create");
    expect(await canSignIn("new-staff", "first passphrase")).toBe(true);
    const taken = await admin.users
      .create({ username: "new-staff", displayName: "又一个", role: "registrar-staff", collegeId: null, password: "first passphrase" })
      .catch((e: TRPCError) => e);
    expect(taken).toMatchObject({ code: "CONFLICT", cause: { code: "user.exists" } });
    expect(await code(admin.users.disable({ userId: 999_999 }))).toBe("NOT_FOUND");
    expect(await code(admin.users.disable({ userId: id.admin as number }))).toBe("BAD_REQUEST");
    expect((await w.db.select().from(users).where(eq(users.id, created.id)))[0]?.disabled).toBe(false);
  });

  it("is for administrators only", async () => {
    for (const username of ["registrar", "registrar-leader", "secretary-a"]) {
      const caller = await w.as(username);
      expect(await code(caller.users.disable({ userId: id["leader-a"] as number }))).toBe("FORBIDDEN");
      expect(await code(caller.users.resetPassword({ userId: id["leader-a"] as number }))).toBe("FORBIDDEN");
      expect(await code(caller.users.endSessions({ userId: id["leader-a"] as number }))).toBe("FORBIDDEN");
    }
  });
});
