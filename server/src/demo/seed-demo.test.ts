import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/client";
import {
  applications,
  colleges,
  graduationAudits,
  graduationCertificates,
  majors,
  pendingItems,
  sheetSubmissions,
  students,
  users,
} from "../db/schema";
import { verifyChain } from "../services/audit-log/verify-chain";
import { executeAudits } from "../services/graduation/execute-audits";
import { advanceAuditStage } from "../services/graduation/override-audit";
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

    // A college's list, passed by the degree committee, executes at once: the demo's graduation-audit setting
    // carries the school's name, code and president (seed 003 第十五条 “学校名称、校（院）长姓名及证书编号”).
    const actor = { userId: 1, role: "registrar-staff" as const, requestId: "demo-test" };
    const [college] = await first.db.select({ id: colleges.id }).from(colleges).orderBy(colleges.id).limit(1);
    for (const from of ["college-review", "registrar-review", "public-notice", "degree-committee"] as const)
      await advanceAuditStage(first.db, {
        actor,
        cohort: 2026,
        collegeId: college?.id as number,
        from,
        committee: { decidedOn: "2026-06-20", meetingNo: "2026-3" },
      });
    const done = await executeAudits(first.db, { actor, cohort: 2026, collegeId: college?.id as number, today: "2026-07-01" });
    expect(done.executed).toBeGreaterThan(0);
    const [certificate] = await first.db
      .select({
        no: graduationCertificates.certificateNo,
        school: graduationCertificates.schoolName,
        president: graduationCertificates.presidentName,
      })
      .from(graduationCertificates)
      .orderBy(graduationCertificates.certificateNo)
      .limit(1);
    expect(certificate).toEqual({ no: expect.stringMatching(/^199991202605\d{6}$/), school: "滨江理工大学", president: "周明远" });
    expect((await verifyChain(first.db)).ok).toBe(true);
    await first.close();

    const again = await openDatabase({ dataDir });
    expect(await isEmpty(again.db)).toBe(false);
    expect(await again.db.select({ n: count() }).from(users).where(eq(users.username, "registrar"))).toEqual([{ n: 1 }]);
    await again.close();
  }, 120_000);
});
