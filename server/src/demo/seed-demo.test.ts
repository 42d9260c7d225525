import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/client";
import { applications, colleges, graduationAudits, majors, pendingItems, sheetSubmissions, students, users } from "../db/schema";
import { verifyChain } from "../services/audit-log/verify-chain";
import { isEmpty, seedDemo } from "./seed-demo";

describe("the demo university of pnpm start", () => {
  it("is loaded on first start into a data folder, made through the real services, and kept across restarts", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "xueji-demo-"));
    const first = await openDatabase({ dataDir });
    expect(await isEmpty(first.db)).toBe(true);
    const accounts = await seedDemo(first.db);
    const n = async (table: typeof colleges | typeof majors | typeof students | typeof users) =>
      (await first.db.select({ n: count() }).from(table))[0]?.n;
    expect([await n(colleges), await n(majors), await n(students), await n(users)]).toEqual([8, 40, 12000, 20]);
    expect(new Set(accounts.map((a) => a.role))).toEqual(
      new Set(["admin", "registrar-staff", "registrar-leader", "school-leader", "secretary", "college-leader"]),
    );
    const states = await first.db.select({ state: sheetSubmissions.state, kind: sheetSubmissions.kind }).from(sheetSubmissions);
    expect(states.filter((s) => s.state === "accepted")).toHaveLength(2);
    expect(states.filter((s) => s.state === "submitted")).toHaveLength(2);
    const items = await first.db.select({ kind: pendingItems.kind }).from(pendingItems);
    expect(items.some((i) => i.kind === "warning-1")).toBe(true);
    const apps = await first.db.select({ stage: applications.stage, noticeNo: applications.noticeNo }).from(applications);
    expect(new Set(apps.map((a) => a.stage))).toEqual(new Set(["draft", "college", "registrar-leader", "reported"]));
    expect(apps.filter((a) => a.noticeNo).length).toBeGreaterThan(0);
    const outcomes = await first.db.select({ outcome: graduationAudits.outcome }).from(graduationAudits);
    const [cohort] = await first.db
      .select({ n: count() })
      .from(students)
      .where(and(eq(students.grade, 2022), inArray(students.status, ["enrolled", "completed"])));
    expect(outcomes.length).toBe(cohort?.n);
    expect(new Set(outcomes.map((o) => o.outcome))).toEqual(new Set(["graduate", "complete"]));
    expect((await verifyChain(first.db)).ok).toBe(true);
    await first.close();

    const again = await openDatabase({ dataDir });
    expect(await isEmpty(again.db)).toBe(false);
    expect(await again.db.select({ n: count() }).from(users).where(eq(users.username, "registrar"))).toEqual([{ n: 1 }]);
    await again.close();
  }, 120_000);
});
