import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, gt, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { ChainBroken, verifyAuditLog, writeCheckpoint } from "./checkpoint";
import { GENESIS_HASH, hashEvent, recordEvent } from "./record-event";

const actor = { userId: null, role: null, requestId: null };

/** What the database's owner can do without the key: triggers off, change, triggers on. */
async function asOwner(w: World, change: () => Promise<unknown>) {
  await w.db.execute(sql`alter table audit_events disable trigger user`);
  await change();
  await w.db.execute(sql`alter table audit_events enable trigger user`);
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChainBroken);
  return (error as ChainBroken).verdict;
}

describe.each(TEST_ENGINES)("signed checkpoints pin the audit log on %s", (engine) => {
  let w: World;
  const append = async (n: number) => {
    for (let i = 0; i < n; i++)
      await w.db.transaction((tx) => recordEvent(tx, actor, { action: "test", entity: "x", entityId: String(i), after: { i } }));
  };
  beforeAll(async () => {
    w = await makeWorld(engine);
    await append(12);
  }, 120_000);
  afterAll(() => w.database.close());
  // The checkpoint folder one test points the server at is this file's: the next file in the worker gets its own back.
  afterEach(() => vi.unstubAllEnvs());

  it("refuses to sign a log whose tail was deleted, even once new events follow", async () => {
    const dir = await mkdtemp(join(tmpdir(), "xueji-cp-"));
    const first = await writeCheckpoint(w.db, dir);
    if (!first) throw new Error("no checkpoint");
    expect(first.checkpoint).toMatchObject({ version: 2, preKey: 0 });
    const count = first.checkpoint.count;

    await asOwner(w, () => w.db.execute(sql`delete from audit_events where id > ${first.checkpoint.lastId - 2}`));
    expect(await verifyAuditLog(w.db, dir)).toMatchObject({ ok: false, reason: "shorter", expected: count, found: count - 2 });
    expect(await refusal(writeCheckpoint(w.db, dir, new Date(Date.now() + 1000)))).toMatchObject({ reason: "shorter" });

    // New events (chained with the real key) make the log as long again: the checkpoint's hash still tells.
    await append(3);
    expect(await verifyAuditLog(w.db, dir)).toMatchObject({ ok: false, reason: "rewritten", expected: count });
    expect(await refusal(writeCheckpoint(w.db, dir, new Date(Date.now() + 2000)))).toMatchObject({ reason: "rewritten" });
  });

  it("refuses a chain recomputed as plain SHA-256 from the first event, and signs no checkpoint of it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "xueji-cp-"));
    expect(await writeCheckpoint(w.db, dir)).not.toBeNull(); // the server's start, before the forgery
    await append(2);
    expect(await verifyAuditLog(w.db, dir)).toMatchObject({ ok: true, unkeyed: 0, checkpoint: { count: expect.any(Number) } });

    // Every event's hash recomputed as plain SHA-256, event 10 changed: "history from before the key".
    await asOwner(w, async () => {
      const events = await w.db.select().from(auditEvents).where(gt(auditEvents.id, 0)).orderBy(asc(auditEvents.id));
      let prev = GENESIS_HASH;
      for (const e of events) {
        const edited = { ...e, prevHash: prev, after: e.id === 10 ? { forged: true } : e.after };
        prev = hashEvent(edited, null);
        await w.db.execute(
          sql`update audit_events set after = ${JSON.stringify(edited.after)}::jsonb, prev_hash = ${edited.prevHash}, hash = ${prev} where id = ${e.id}`,
        );
      }
    });
    const [firstEvent] = await w.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).limit(1);
    const verdict = await verifyAuditLog(w.db, dir);
    expect(verdict).toMatchObject({ ok: false, reason: "hash", brokenAt: firstEvent?.id, checked: 0 });
    expect(await refusal(writeCheckpoint(w.db, dir, new Date(Date.now() + 1000)))).toMatchObject({ reason: "hash" });
    // And through the procedure the dashboard calls, which compares with the same checkpoint folder.
    vi.stubEnv("XUEJI_CHECKPOINT_DIR", dir);
    const admin = await w.as("admin");
    expect(await admin.auditLog.verify()).toMatchObject({ ok: false, reason: "hash" });
  });
});
