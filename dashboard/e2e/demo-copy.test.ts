import { existsSync } from "node:fs";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/src/db/client";
import { colleges, majors, students, users } from "../../server/src/db/schema";
import { verifyChain } from "../../server/src/services/audit-log/verify-chain";
import { DEMO_FOLDER_VARIABLE, openDemoDatabase, runDay } from "../../server/test/demo-database";

/**
 * The e2e files open copies of the demo the global setup built: each copy is the whole demo university, and
 * the test's own — what one file writes, the next file's copy does not see.
 */
describe("the demo university each e2e file opens, copied from the one built before the run", () => {
  let first: Database;
  let second: Database;
  beforeAll(async () => {
    first = await openDemoDatabase();
    second = await openDemoDatabase();
    // Two copies of a quarter-gigabyte data folder: seconds each on a machine busy with the rest of the run.
  }, 120_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("was built by the global setup for the run's day (not made again here)", () => {
    const folder = process.env[DEMO_FOLDER_VARIABLE];
    expect(folder).toBeTruthy();
    expect(existsSync(join(folder as string, runDay(), "PG_VERSION"))).toBe(true);
  });

  it("is the demo: its colleges, majors, accounts and students", async () => {
    const n = async (table: typeof colleges | typeof majors | typeof users | typeof students) =>
      (await first.db.select({ n: count() }).from(table))[0]?.n;
    expect([await n(colleges), await n(majors), await n(users)]).toEqual([8, 40, 20]);
    expect(await n(students)).toBeGreaterThan(1000);
  });

  it("keeps its audit log verifiable: the test chains with the key the demo was built with", async () => {
    expect((await verifyChain(first.db)).ok).toBe(true);
  });

  it("is the test's own: a change in one copy is not in another", async () => {
    await first.db.update(users).set({ displayName: "只在这份副本" }).where(eq(users.username, "registrar"));
    const [mine] = await first.db.select({ name: users.displayName }).from(users).where(eq(users.username, "registrar"));
    const [theirs] = await second.db.select({ name: users.displayName }).from(users).where(eq(users.username, "registrar"));
    expect(mine?.name).toBe("只在这份副本");
    expect(theirs?.name).not.toBe("只在这份副本");
  });
});
