import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { recordEvent } from "./record-event";
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
    expect(await verifyChain(w.db)).toEqual({ ok: true, checked: 5 });
  });

  it("is append-only in the database itself", async () => {
    const refusal = (e: unknown) => {
      const error = e as { message: string; cause?: { message: string } };
      return error.cause?.message ?? error.message;
    };
    expect(refusal(await w.db.execute(sql`update audit_events set action = 'x' where id = 1`).catch((e) => e))).toMatch(/append-only/);
    expect(refusal(await w.db.execute(sql`delete from audit_events where id = 1`).catch((e) => e))).toMatch(/append-only/);
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
