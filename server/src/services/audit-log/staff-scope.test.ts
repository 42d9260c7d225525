import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { TEST_ENGINES } from "../../db/test-database";
import { recordEvent } from "./record-event";

// docs/domain.md §1: the registrar's staff work the status changes, sheets, registration and graduation
// every day and read those events; account administration is not theirs.
describe.each(TEST_ENGINES)("the registrar's staff read their own domain of the audit log on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    const actor = { userId: null, role: "admin" as const, requestId: "scope" };
    const events: Array<[string, string]> = [
      ["user.reset-password", "user"],
      ["sheet.reject", "sheet_submission"],
      ["application.advance", "application"],
      ["setting.save", "setting"],
      ["registration.register", "registration"],
      ["graduation.run", "graduation_cohort"],
      ["auth.sign-in", "user"],
    ];
    for (const [action, entity] of events) await w.db.transaction((tx) => recordEvent(tx, actor, { action, entity, entityId: action }));
  }, 60_000);
  afterAll(() => w.database.close());

  it("shows the registrar's events to its staff, on every page, in the facets and in the full list, and never the accounts", async () => {
    const staff = await w.as("registrar");
    const search = await staff.auditLog.search({});
    expect(search.items.map((e) => e.action).sort()).toEqual([
      "application.advance",
      "graduation.run",
      "registration.register",
      "sheet.reject",
    ]);
    // Asking for the accounts' events by name gets nothing, not an error that says they exist.
    expect((await staff.auditLog.search({ entity: "user" })).items).toEqual([]);
    expect((await staff.auditLog.search({ action: "user.reset-password" })).items).toEqual([]);
    const facets = await staff.auditLog.facets();
    expect(facets.entities).toEqual(["application", "graduation_cohort", "registration", "sheet_submission"]);
    expect(facets.actions).not.toContain("auth.sign-in");
    const list = await staff.auditLog.list({ limit: 50 });
    expect(list.items.map((e) => e.entity)).not.toContain("user");
    expect(list.items).toHaveLength(4);
    // The registrar leader reads everything.
    expect((await (await w.as("registrar-leader")).auditLog.search({})).items).toHaveLength(7);
  });
});
