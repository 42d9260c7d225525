import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { GENESIS_HASH, hashEvent, recordEvent } from "./record-event";
import { verifyChain } from "./verify-chain";

describe.each(TEST_ENGINES)("the audit chain on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    const actor = { userId: 1, role: "registrar-staff" as const, requestId: "r1" };
    for (let i = 0; i < 5; i++) {
      await w.db.transaction((tx) =>
        recordEvent(tx, actor, {
          action: "test.event",
          entity: "thing",
          entityId: String(i),
          before: { b: i, a: [1, { z: 1, y: 2 }] },
          after: { n: i },
        }),
      );
    }
  }, 60_000);
  afterAll(() => w.database.close());

  it("verifies an intact chain", async () => {
    expect(await verifyChain(w.db)).toMatchObject({ ok: true, checked: 5, unkeyed: 0, head: { count: 5, lastId: 5 } });
  });

  it("is append-only in the database itself", async () => {
    const refusal = (e: unknown) => {
      const error = e as { message: string; cause?: { message: string } };
      return error.cause?.message ?? error.message;
    };
    expect(refusal(await w.db.execute(sql`update audit_events set action = 'x' where id = 1`).catch((e) => e))).toMatch(/append-only/);
    expect(refusal(await w.db.execute(sql`delete from audit_events where id = 1`).catch((e) => e))).toMatch(/append-only/);
    expect(refusal(await w.db.execute(sql`truncate audit_events`).catch((e) => e))).toMatch(/append-only/);
    expect((await w.db.select().from(auditEvents)).length).toBe(5);
  });

  it("names the first event that was edited, or removed, behind the trigger's back", async () => {
    await w.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await w.db.execute(sql`update audit_events set after = '{"n": 99}'::jsonb where id = 3`);
    expect(await verifyChain(w.db)).toEqual({ ok: false, checked: 2, brokenAt: 3, reason: "hash" });
    await w.db.execute(sql`delete from audit_events where id = 3`);
    expect(await verifyChain(w.db)).toEqual({ ok: false, checked: 2, brokenAt: 4, reason: "link" });
    await w.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    expect((await w.db.select().from(auditEvents)).length).toBe(4);
  });
});

describe.each(TEST_ENGINES)("the keyed chain on %s", (engine) => {
  let w: World;
  const key = Buffer.from("k".repeat(40));
  const actor = { userId: 1, role: "admin" as const, requestId: "r" };
  beforeAll(async () => {
    w = await makeWorld(engine);
  }, 60_000);
  afterAll(() => w.database.close());

  it("cannot be recomputed without the key, and keeps events from before the key verifiable", async () => {
    // Events as the code before the key wrote them: plain SHA-256, linked.
    let prev = GENESIS_HASH;
    for (let i = 0; i < 3; i++) {
      const fields = {
        at: new Date(2025, 0, i + 1).toISOString(),
        userId: null,
        role: null,
        action: "legacy",
        entity: "x",
        entityId: String(i),
        before: null,
        after: { i },
        requestId: null,
        prevHash: prev,
      };
      prev = hashEvent(fields, null);
      await w.db.insert(auditEvents).values({ ...fields, hash: prev });
    }
    const before = (await w.db.select().from(auditEvents)).length;
    for (let i = 0; i < 2; i++)
      await w.db.transaction((tx) => recordEvent(tx, actor, { action: "keyed", entity: "x", entityId: String(i) }));
    // `makeWorld` wrote keyed events with this process's key; verify with it, then with another.
    const verdict = await verifyChain(w.db);
    expect(verdict).toMatchObject({ ok: true, checked: before + 2, unkeyed: 3 });
    expect(await verifyChain(w.db, { key })).toMatchObject({ ok: false, reason: "hash" });

    // An unkeyed event after keyed ones is a forgery, even with a correct SHA-256.
    await w.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    const [last] = await w.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    if (!last) throw new Error("no event");
    await w.db
      .update(auditEvents)
      .set({ hash: hashEvent(last, null) })
      .where(eq(auditEvents.id, last.id));
    expect(await verifyChain(w.db)).toMatchObject({ ok: false, brokenAt: last.id, reason: "hash" });
    await w.db
      .update(auditEvents)
      .set({ hash: hashEvent(last) })
      .where(eq(auditEvents.id, last.id));
    await w.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    expect((await verifyChain(w.db)).ok).toBe(true);
  });
});
