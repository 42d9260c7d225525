import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/client";
import { jobRuns, sessions, signOnFlows, signOnTickets, users } from "../../db/schema";
import { openTestDatabase, TEST_ENGINES } from "../../db/test-database";
import { checkHealth } from "../../http/health";
import { jobHealth, jobLateWarnings } from "./job-health";
import { serverJobs, withPeriodOverrides } from "./jobs";
import { pruneExpiredSessions, pruneJobRuns, pruneSignOn } from "./prune";
import { claimSlot, type ScheduledJob, startScheduler } from "./scheduler";

const T0 = new Date("2026-12-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(TEST_ENGINES)("the scheduler on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  }, 60_000);
  afterAll(() => database.close());

  it("lets exactly one of several schedulers run a job in a slot, and the next slot again", async () => {
    let now = at(0);
    const runs: Array<{ by: string; at: number }> = [];
    const make = (by: string) =>
      startScheduler(
        database.db,
        [{ name: "count-once", periodMs: 1000, run: async (_db, t) => void runs.push({ by, at: t.getTime() }) }],
        {
          clock: () => now,
          manual: true,
          runner: by,
        },
      );
    const three = [make("a"), make("b"), make("c")];
    for (let slot = 0; slot < 4; slot++) {
      now = at(slot * 1000 + 10);
      const ran = await Promise.all(three.map((s) => s.tick()));
      expect(ran.flat()).toEqual(["count-once"]);
      // A second tick in the same slot runs nothing anywhere.
      expect((await Promise.all(three.map((s) => s.tick()))).flat()).toEqual([]);
    }
    expect(runs.map((r) => r.at)).toEqual([10, 1010, 2010, 3010].map((ms) => T0.getTime() + ms));
    const rows = await database.db.select().from(jobRuns).where(eq(jobRuns.job, "count-once")).orderBy(asc(jobRuns.slot));
    expect(rows.map((r) => [r.outcome, r.runner])).toEqual(runs.map((r) => ["ok", r.by]));
    expect(rows.every((r) => r.durationMs !== null && r.finishedAt !== null && r.periodMs === 1000)).toBe(true);
    await Promise.all(three.map((s) => s.stop()));
  });

  it("never claims a slot older than one already claimed (a process whose clock lags)", async () => {
    const job: ScheduledJob = { name: "no-going-back", periodMs: 1000, run: async () => {} };
    expect(await claimSlot(database.db, job, 5, at(0), "ahead")).toBe(true);
    expect(await claimSlot(database.db, job, 4, at(0), "behind")).toBe(false);
    expect(await claimSlot(database.db, job, 5, at(0), "behind")).toBe(false);
    expect(await claimSlot(database.db, job, 6, at(0), "behind")).toBe(true);
  });

  it("records a failure with its reason, and the health check warns after two periods without a good run", async () => {
    let now = at(0);
    let fail = false;
    const scheduler = startScheduler(
      database.db,
      [
        {
          name: "sometimes-fails",
          periodMs: 60_000,
          run: async () => {
            if (fail) throw new Error("磁盘已满 disk full");
          },
        },
      ],
      { clock: () => now, manual: true },
    );
    await scheduler.tick();
    fail = true;
    now = at(60_000);
    await scheduler.tick();
    now = at(120_000);
    await scheduler.tick();
    let [health] = await jobHealth(database.db, scheduler, at(119_999));
    expect(health).toMatchObject({
      name: "sometimes-fails",
      periodMs: 60_000,
      lastRun: { outcome: "failed", error: "磁盘已满 disk full" },
      lastOkAt: T0.toISOString(),
      late: false,
    });
    [health] = await jobHealth(database.db, scheduler, at(120_001));
    expect(health?.late).toBe(true);
    expect(jobLateWarnings(health ? [health] : [])).toEqual([
      {
        code: "scheduler.job-late",
        job: "sometimes-fails",
        message: expect.objectContaining({ "zh-CN": expect.stringContaining("磁盘已满 disk full") }),
      },
    ]);
    const answer = await checkHealth(database, "2026-12-01", scheduler, at(200_000));
    expect(answer.ok).toBe(true); // late is a warning: the process still serves
    expect(answer.warnings).toContainEqual(expect.objectContaining({ code: "scheduler.job-late", job: "sometimes-fails" }));
    // A job never run is not late before two periods have passed since this process began scheduling.
    const fresh = startScheduler(database.db, [{ name: "never-yet", periodMs: 60_000, run: async () => {} }], {
      clock: () => at(0),
      manual: true,
    });
    expect((await jobHealth(database.db, fresh, at(119_000)))[0]).toMatchObject({ lastRun: null, late: false });
    expect((await jobHealth(database.db, fresh, at(121_000)))[0]).toMatchObject({ late: true });
  });

  it("lets the run under way finish when stopped, and starts none after", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    const scheduler = startScheduler(
      database.db,
      [
        {
          name: "slow",
          periodMs: 1000,
          run: async () => {
            await gate;
            finished = true;
          },
        },
      ],
      { clock: () => at(0), manual: true },
    );
    const tick = scheduler.tick();
    await new Promise((r) => setTimeout(r, 50));
    const stopped = scheduler.stop();
    release();
    await stopped;
    await tick;
    expect(finished).toBe(true);
    expect(await scheduler.tick()).toEqual([]);
  });

  it("prunes expired sessions, abandoned sign-ons, old tickets and old runs, keeping what is still needed", async () => {
    const [user] = await database.db
      .insert(users)
      .values({ username: `sched-${engine}`, displayName: "定时", role: "registrar-staff", passwordHash: "x" })
      .returning();
    const userId = user?.id as number;
    await database.db.insert(sessions).values([
      { tokenHash: `old-${engine}`, userId, expiresAt: at(-1) },
      { tokenHash: `ended-${engine}`, userId, expiresAt: at(3_600_000), endedReason: "signed-out" },
      { tokenHash: `live-${engine}`, userId, expiresAt: at(3_600_000) },
    ]);
    expect(await pruneExpiredSessions(database.db, at(0))).toBe(1);
    expect((await database.db.select({ t: sessions.tokenHash }).from(sessions)).map((s) => s.t).sort()).toEqual(
      [`ended-${engine}`, `live-${engine}`].sort(),
    );
    await database.db.insert(signOnFlows).values([
      { flowHash: "gone", protocol: "cas", client: "dashboard", expiresAt: at(-1) },
      { flowHash: "kept", protocol: "oidc", client: "pane", expiresAt: at(60_000) },
    ]);
    await database.db.insert(signOnTickets).values([
      { ticketHash: "yesterday", usedAt: at(-86_400_001) },
      { ticketHash: "today", usedAt: at(-60_000) },
    ]);
    await pruneSignOn(database.db, at(0));
    expect((await database.db.select().from(signOnFlows)).map((f) => f.flowHash)).toEqual(["kept"]);
    expect((await database.db.select().from(signOnTickets)).map((t) => t.ticketHash)).toEqual(["today"]);

    const month = 31 * 86_400_000;
    await database.db.insert(jobRuns).values([
      { job: "rare", slot: 1, periodMs: 1, startedAt: at(-month), outcome: "ok", runner: "t" },
      { job: "old", slot: 1, periodMs: 1, startedAt: at(-month - 1), outcome: "ok", runner: "t" },
      { job: "old", slot: 2, periodMs: 1, startedAt: at(-month), outcome: "ok", runner: "t" },
    ]);
    await pruneJobRuns(database.db, at(0));
    const left = await database.db.select({ job: jobRuns.job, slot: jobRuns.slot }).from(jobRuns);
    // Each job keeps its newest run (its health), however old.
    expect(left).toContainEqual({ job: "rare", slot: 1 });
    expect(left).toContainEqual({ job: "old", slot: 2 });
    expect(left).not.toContainEqual({ job: "old", slot: 1 });
  });
});

describe("the server's job list", () => {
  it("has the audit checkpoint, the housekeeping and the reminders, with periods overridable by name or all at once", () => {
    const names = serverJobs({}).map((j) => [j.name, j.periodMs]);
    expect(names).toEqual([
      ["audit-checkpoint", 6 * 3_600_000],
      ["prune-rate-limits", 3_600_000],
      ["prune-sessions", 3_600_000],
      ["prune-sign-on", 3_600_000],
      ["prune-job-runs", 86_400_000],
      ["deliver-notifications", 30_000],
      ["queue-reminders", 3_600_000],
    ]);
    expect(serverJobs({ XUEJI_CHECKPOINT_HOURS: "0" }).map((j) => j.name)).not.toContain("audit-checkpoint");
    const fast = serverJobs({ XUEJI_JOB_PERIODS: "*=1000, prune-sessions=500" });
    expect(fast.map((j) => j.periodMs)).toEqual([1000, 1000, 500, 1000, 1000, 1000, 1000]);
    expect(() => withPeriodOverrides(serverJobs({}), "prune-everything=1000")).toThrow(/XUEJI_JOB_PERIODS/);
    expect(() => withPeriodOverrides(serverJobs({}), "*=fast")).toThrow(/XUEJI_JOB_PERIODS/);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("the scheduler across connections to one PostgreSQL", () => {
  const server = process.env.TEST_DATABASE_URL ?? "postgres://localhost/skipped";
  const name = `xueji_scheduler_${randomBytes(5).toString("hex")}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  let opened: Database[] = [];
  beforeAll(async () => {
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    opened = await Promise.all([0, 1, 2].map(() => openDatabase({ url: url.toString(), poolSize: 3 })));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("claims each slot once when three pools race for it at the same instant", async () => {
    let now = at(0);
    let runs = 0;
    const job: ScheduledJob = { name: "raced", periodMs: 1000, run: async () => void runs++ };
    const schedulers = opened.flatMap((d) =>
      [0, 1, 2].map((i) => startScheduler(d.db, [job], { clock: () => now, manual: true, runner: `${i}` })),
    );
    for (let slot = 0; slot < 20; slot++) {
      now = at(slot * 1000);
      const ran = await Promise.all(schedulers.map((s) => s.tick()));
      expect(ran.flat()).toHaveLength(1);
    }
    expect(runs).toBe(20);
    expect((await (opened[0] as Database).db.select().from(jobRuns).where(eq(jobRuns.job, "raced"))).map((r) => r.outcome)).toEqual(
      Array(20).fill("ok"),
    );
  });
});
