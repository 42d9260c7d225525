import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { recordEvent } from "./record-event";

describe.each(TEST_ENGINES)("searching the audit log on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    const admin = await w.as("admin");
    const me = await admin.auth.me();
    const actor = { userId: me.id, role: "admin" as const, requestId: "search" };
    for (let i = 0; i < 7; i++) {
      await w.db.transaction((tx) =>
        recordEvent(tx, actor, { action: i % 2 ? "setting.save" : "user.create", entity: i % 2 ? "setting" : "user", entityId: String(i) }),
      );
    }
  }, 60_000);
  afterAll(() => w.database.close());

  it("pages by cursor to the very end, newest first, with the actor's name", async () => {
    const admin = await w.as("admin");
    const ids: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await admin.auditLog.search({ limit: 3, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((e) => e.id));
      expect(page.items.every((e) => e.actor === "admin")).toBe(true);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(ids).toHaveLength(7);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it("filters by action, entity and China-time day", async () => {
    const admin = await w.as("admin");
    const saves = await admin.auditLog.search({ action: "setting.save" });
    expect(saves.items.map((e) => e.entityId)).toEqual(["5", "3", "1"]);
    expect((await admin.auditLog.search({ entity: "user", entityId: "4" })).items).toHaveLength(1);
    const [first] = await w.db.select({ at: auditEvents.at }).from(auditEvents).limit(1);
    // The day the events were written, in China: an event at 17:00 UTC belongs to the next Chinese day.
    const day = new Date(new Date(first?.at ?? "").getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await admin.auditLog.search({ fromDate: day, toDate: day })).items).toHaveLength(7);
    expect((await admin.auditLog.search({ toDate: "2000-01-01" })).items).toHaveLength(0);
    expect(await admin.auditLog.facets()).toMatchObject({
      actions: ["setting.save", "user.create"],
      entities: ["setting", "user"],
      actors: [{ username: "admin" }],
    });
  });

  it("is closed to roles without the audit permission", async () => {
    await expect((await w.as("secretary-a")).auditLog.search({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("finds a sheet's events by the receipt the pane shows (its id's first eight characters, either case)", async () => {
    const registrar = await w.as("registrar");
    const me = await registrar.auth.me();
    const actor = { userId: me.id, role: "registrar-staff" as const, requestId: "search" };
    const id = "2352cac2-7f1e-423b-b190-7effaef8f213";
    for (const entityId of [id, "2352cac3-0000-4000-8000-000000000000"])
      await w.db.transaction((tx) => recordEvent(tx, actor, { action: "sheet.submit", entity: "sheet_submission", entityId }));
    for (const code of ["2352CAC2", "2352cac2"]) {
      const found = await registrar.auditLog.search({ entityId: code });
      expect(found.items.map((e) => e.entityId)).toEqual([id]);
    }
    expect((await registrar.auditLog.search({ entityId: id })).items).toHaveLength(1);
    expect((await registrar.auditLog.search({ entityId: "2352CAC" })).items).toHaveLength(0);
  });
});
