import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { auditEvents, auditPending } from "../../db/schema";
import { openTestDatabase, TEST_ENGINES } from "../../db/test-database";
import { auditKey } from "./audit-key";
import { eventTail, sealOf } from "./chain-hash";
import { linkPendingEvents } from "./link-events";
import { recordEvent } from "./record-event";
import { verifyChain } from "./verify-chain";

const actor = { userId: 1, role: "registrar-staff" as const, requestId: "r" };
const event = (entityId: string) => ({ action: "test.event", entity: "thing", entityId, after: { entityId } });

/** An event as a process killed between its commit and the chainer's pass leaves it: sealed, waiting. */
async function leftSealed(database: Database, entityId: string, seal?: string): Promise<number> {
  const fields = {
    at: new Date().toISOString(),
    userId: 1,
    role: "registrar-staff",
    action: "test.event",
    entity: "thing",
    entityId,
    before: null,
    after: { entityId },
    requestId: "killed",
  };
  const [row] = await database.db
    .insert(auditPending)
    .values({ ...fields, seal: seal ?? sealOf(eventTail(fields), auditKey()) })
    .returning({ id: auditPending.id });
  return (row as { id: number }).id;
}

const linkedIds = async (database: Database) =>
  (await database.db.select({ entityId: auditEvents.entityId }).from(auditEvents).orderBy(asc(auditEvents.id))).map((e) => e.entityId);

describe.each(TEST_ENGINES)("the audit chainer on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  }, 60_000);
  afterAll(() => database.close());

  it("links a transaction's events once it commits, and none of a transaction rolled back", async () => {
    await database.db.transaction((tx) => recordEvent(tx, actor, event("kept")));
    await database.db
      .transaction(async (tx) => {
        await recordEvent(tx, actor, event("rolled back"));
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await linkedIds(database)).toEqual(["kept"]);
    expect(await database.db.select().from(auditPending)).toEqual([]);
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, checked: 1, pending: 0, pendingSince: null });
  });

  it("links twenty transactions committing at once into one unbroken chain, ids without gaps", async () => {
    const before = (await linkedIds(database)).length;
    await Promise.all(Array.from({ length: 20 }, (_, i) => database.db.transaction((tx) => recordEvent(tx, actor, event(`at once ${i}`)))));
    const ids = (await database.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id))).map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, checked: before + 20, pending: 0 });
  });

  it("reports events left sealed by a process that died before linking them, and links them on the next pass", async () => {
    const checked = (await linkedIds(database)).length;
    await leftSealed(database, "orphan");
    const verdict = await verifyChain(database.db);
    expect(verdict).toMatchObject({ ok: true, checked, pending: 1 });
    expect(verdict.ok && verdict.pendingSince).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Any later event's pass takes the orphan along, before the later event.
    await database.db.transaction((tx) => recordEvent(tx, actor, event("later")));
    expect((await linkedIds(database)).slice(-2)).toEqual(["orphan", "later"]);
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, checked: checked + 2, pending: 0 });
  });

  it("refuses to link an event edited while it waited, names it, and links nothing after it", async () => {
    const checked = (await linkedIds(database)).length;
    const forged = await leftSealed(database, "forged", "0".repeat(64));
    await leftSealed(database, "after the forgery");
    expect(await linkPendingEvents(database.db)).toEqual({ linked: 0, refused: forged });
    expect(await verifyChain(database.db)).toEqual({
      ok: false,
      checked,
      pendingId: forged,
      event: { at: expect.any(String), action: "test.event", entity: "thing", entityId: "forged" },
      reason: "seal",
    });
    // Waiting events are moved, never edited: the database refuses an UPDATE.
    const refusal = await database.db.execute(sql`update audit_pending set entity_id = 'x' where id = ${forged}`).catch((e) => e);
    expect(String((refusal as { cause?: Error }).cause?.message ?? refusal)).toMatch(/moved, never edited/);
    expect((await linkedIds(database)).length).toBe(checked);
  });
});

describe.runIf(TEST_ENGINES.includes("postgres"))("transactions recording events on postgres", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
  }, 60_000);
  afterAll(() => database.close());

  it("do not wait for one another: one still open does not hold up another's commit, and the chain is in commit order", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let recorded = () => {};
    const hasRecorded = new Promise<void>((resolve) => {
      recorded = resolve;
    });
    const slow = database.db.transaction(async (tx) => {
      await recordEvent(tx, actor, event("first recorded, last committed"));
      recorded();
      await held;
    });
    await hasRecorded;
    // With the chain's head taken in each transaction, this one would wait for the open one to commit.
    await database.db.transaction((tx) => recordEvent(tx, actor, event("committed first")));
    expect(await linkedIds(database)).toEqual(["committed first"]);
    release();
    await slow;
    expect(await linkedIds(database)).toEqual(["committed first", "first recorded, last committed"]);
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, checked: 2, pending: 0 });
  });
});
