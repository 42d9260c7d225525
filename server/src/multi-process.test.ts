import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { DEFAULT_WORKFLOWS, MATERIALS, type Material, requiredMaterials } from "@xueji/shared";
import { and, asc, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRobot } from "../test/notify-receivers";
import { makeWorld, PASSWORD, type World } from "../test/world";
import { type Database, openDatabase } from "./db/client";
import { applications, jobRuns, notificationOutbox, students } from "./db/schema";
import type { AppRouter } from "./router";
import { saveChannel } from "./services/notifications/channels";
import { enqueue } from "./services/notifications/enqueue";

/**
 * Three real server processes on one PostgreSQL database behind a round-robin balancer (as a school
 * runs them, docs/operations.md “Several processes”): what one process does, the others see.
 */
const PERIOD_MS = 1500;
const isMaterial = (code: string): code is Material => code in MATERIALS;
const serverUrl = process.env.TEST_DATABASE_URL;

interface Backend {
  port: number;
  child: ChildProcess;
  alive: boolean;
  served: number;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startBackend(env: Record<string, string>): Promise<Backend> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "main.ts")], {
    env: { ...process.env, ...env, PORT: String(port), XUEJI_FRONT_ENDS: "0", XUEJI_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("按 Ctrl+C")) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { port, child, alive: true, served: 0 };
}

/** The load balancer: each request to the next live process; a process that drops a connection is taken out. */
function roundRobin(backends: Backend[]): Server {
  let next = 0;
  return createServer((req, res) => {
    const live = backends.filter((b) => b.alive);
    const backend = live[next++ % live.length] as Backend;
    backend.served++;
    const upstream = request(
      { host: "127.0.0.1", port: backend.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      backend.alive = false;
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  });
}

describe.skipIf(!serverUrl)("three server processes on one PostgreSQL behind a round-robin balancer", () => {
  const name = `xueji_scheduler_mp_${randomBytes(4).toString("hex")}`;
  const url = new URL(serverUrl ?? "postgres://localhost/x");
  url.pathname = `/${name}`;
  const auditKey = randomBytes(32).toString("hex");
  const previousKey = process.env.XUEJI_AUDIT_KEY;
  let checkpoints: string;
  let database: Database;
  let w: World;
  let backends: Backend[] = [];
  let proxy: Server;
  let base: string;
  const client = (token?: string) =>
    createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${base}/api/trpc`, headers: token ? { authorization: `Bearer ${token}` } : {} })],
    });

  beforeAll(async () => {
    const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    // The test seeds with the servers' audit key, so that their checkpoints verify its events too.
    process.env.XUEJI_AUDIT_KEY = auditKey;
    database = await openDatabase({ url: url.toString(), poolSize: 5 });
    w = await makeWorld("postgres", database);
    checkpoints = await mkdtemp(join(tmpdir(), "xueji-mp-checkpoints-"));
    const env = {
      DATABASE_URL: url.toString(),
      XUEJI_AUDIT_KEY: auditKey,
      XUEJI_CHECKPOINT_DIR: checkpoints,
      XUEJI_JOB_PERIODS: `*=${PERIOD_MS}`,
      // A dead sender's messages are taken over after this (two minutes in production).
      XUEJI_OUTBOX_LEASE_SECONDS: "3",
    };
    backends = await Promise.all([0, 1, 2].map(() => startBackend(env)));
    proxy = roundRobin(backends);
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  }, 180_000);

  afterAll(async () => {
    proxy?.close();
    await Promise.all(
      backends
        .filter((b) => b.child.exitCode === null && b.child.signalCode === null)
        .map((b) => {
          b.child.kill("SIGTERM");
          return new Promise((resolve) => b.child.once("exit", resolve));
        }),
    );
    await database?.close();
    if (previousKey === undefined) delete process.env.XUEJI_AUDIT_KEY;
    else process.env.XUEJI_AUDIT_KEY = previousKey;
    const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }, 60_000);

  it("keeps a session opened on one process good on the others", async () => {
    const before = backends.map((b) => b.served);
    const { token } = await client().auth.signIn.mutate({ username: "registrar", password: PASSWORD });
    const registrar = client(token);
    for (let i = 0; i < 6; i++) expect((await registrar.auth.me.query()).username).toBe("registrar");
    // Every process answered some of them.
    expect(backends.every((b, i) => b.served - (before[i] ?? 0) >= 2)).toBe(true);
    await registrar.auth.signOut.mutate();
    await expect(registrar.auth.me.query()).rejects.toBeInstanceOf(TRPCClientError);
  });

  it("counts sign-in attempts across the processes: the sixth wrong password is refused wherever it lands", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      try {
        await client().auth.signIn.mutate({ username: "leader-a", password: `wrong ${i}` });
      } catch (error) {
        codes.push(String((error as TRPCClientError<AppRouter>).data?.appCode));
      }
    }
    expect(codes).toEqual([...Array(5).fill("auth.invalid-credentials"), "auth.rate-limited", "auth.rate-limited"]);
  });

  it("runs each scheduled job once per slot, whichever process claims it", async () => {
    await new Promise((resolve) => setTimeout(resolve, 4 * PERIOD_MS));
    const runs = await database.db.select().from(jobRuns).orderBy(asc(jobRuns.job), asc(jobRuns.slot));
    const names = [...new Set(runs.map((r) => r.job))].sort();
    expect(names).toEqual([
      "audit-checkpoint",
      "deliver-notifications",
      "prune-job-runs",
      "prune-rate-limits",
      "prune-sessions",
      "prune-sign-on",
      "queue-reminders",
    ]);
    for (const job of names) {
      const slots = runs.filter((r) => r.job === job && r.outcome !== "running").map((r) => r.slot);
      expect(slots.length).toBeGreaterThanOrEqual(3);
      expect(runs.filter((r) => r.job === job).every((r) => r.outcome !== "failed")).toBe(true);
    }
    // Each checkpoint the database says was written exists once: no process wrote one for a slot it did not claim.
    const written = readdirSync(checkpoints).filter((f) => f.endsWith(".json"));
    const claimed = (await database.db.select().from(jobRuns).where(eq(jobRuns.job, "audit-checkpoint"))).filter((r) => r.outcome === "ok");
    expect(written.length).toBe(claimed.length);
    // Which process runs a slot is whichever ticks first after it begins: processes ticking in step may leave every
    // slot to one of them, which is as correct (each slot once). That the others take the jobs over when it dies is
    // shown below ("a process killed mid-run loses nothing": the survivors go on running the jobs).
    const health = (await (await fetch(`${base}/api/health`)).json()) as {
      ok: boolean;
      jobs: Array<{ name: string; late: boolean }>;
      warnings: Array<{ code: string }>;
    };
    expect(health.ok).toBe(true);
    expect(health.jobs.map((j) => `${j.name} ${j.late}`).sort()).toEqual(names.map((n) => `${n} false`));
    expect(health.warnings.filter((x) => x.code === "scheduler.job-late")).toEqual([]);
  }, 60_000);

  it("numbers notices uniquely across processes, and a process killed mid-run loses nothing", async () => {
    // Twelve suspensions brought to the registrar's 办理 in-process; the 办理 itself through the balancer.
    const due: Array<{ id: number; version: number }> = [];
    const workflow = DEFAULT_WORKFLOWS.suspension;
    const reasonCode = workflow.reasons[0]?.code as string;
    for (let i = 0; i < 12; i++) {
      const studentNo = `20250190${String(i).padStart(2, "0")}`;
      await w.insertStudents([{ studentNo, name: "测试", collegeId: w.collegeA, majorId: w.majorA, grade: 2025, status: "enrolled" }]);
      const filed = await (await w.as("secretary-a")).applications.file({
        studentNo,
        type: "suspension",
        reasonCode,
        materials: requiredMaterials(workflow, reasonCode).filter(isMaterial),
        ...(workflow.period ? { periodStartsOn: "2026-12-01", periodEndsOn: "2027-11-30" } : {}),
      });
      let version = (await (await w.as("secretary-a")).applications.submit({ applicationId: filed.id, expectedVersion: 1 })).version;
      for (const who of ["leader-a", "registrar-leader"])
        version = (await (await w.as(who)).applications.decide({ applicationId: filed.id, expectedVersion: version, action: "advance" }))
          .version;
      due.push({ id: filed.id, version });
    }
    const { token } = await client().auth.signIn.mutate({ username: "registrar", password: PASSWORD });
    const registrar = client(token);
    const victim = backends[1] as Backend;
    const decisions = due.map(({ id, version }) =>
      registrar.applications.decide.mutate({ applicationId: id, expectedVersion: version, action: "advance" }).then(
        (d) => ({ id, noticeNo: d.noticeNo }),
        () => ({ id, noticeNo: null }),
      ),
    );
    // Killed while the decisions are under way: whatever it had begun is rolled back by PostgreSQL.
    setTimeout(() => victim.child.kill("SIGKILL"), 30);
    const first = await Promise.all(decisions);
    if (victim.child.exitCode === null && victim.child.signalCode === null)
      await new Promise((resolve) => victim.child.once("exit", resolve));
    expect(victim.child.signalCode).toBe("SIGKILL");
    // Some decisions went to the process as it died (the balancer answered 502, or the connection dropped).
    expect(first.some((d) => d.noticeNo === null)).toBe(true);
    // The registrar tries again what was lost (the balancer now sends nothing to the dead process).
    const retried = await Promise.all(
      first.map(async (d) => {
        const [row] = await database.db.select().from(applications).where(eq(applications.id, d.id));
        if (row?.noticeNo) return { id: d.id, noticeNo: row.noticeNo };
        const again = await registrar.applications.decide.mutate({
          applicationId: d.id,
          expectedVersion: row?.version as number,
          action: "advance",
        });
        return { id: d.id, noticeNo: again.noticeNo };
      }),
    );
    const rows = await database.db
      .select({ noticeNo: applications.noticeNo, studentId: applications.studentId })
      .from(applications)
      .where(
        inArray(
          applications.id,
          due.map((d) => d.id),
        ),
      );
    expect(rows.every((r) => r.noticeNo !== null)).toBe(true);
    expect(rows.map((r) => r.noticeNo).sort()).toEqual(retried.map((r) => r.noticeNo).sort());
    const numbers = rows.map((r) => Number(r.noticeNo?.slice(5))).sort((a, b) => a - b);
    // Unique and without gaps: a number drawn by a killed transaction was never committed.
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const suspended = await database.db
      .select({ status: students.status })
      .from(students)
      .where(
        inArray(
          students.id,
          rows.map((r) => r.studentId),
        ),
      );
    expect(suspended.every((s) => s.status === "suspended")).toBe(true);

    // The survivors go on running the jobs.
    const after = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3 * PERIOD_MS));
    const recent = (await database.db.select().from(jobRuns).where(eq(jobRuns.job, "prune-sessions"))).filter(
      (r) => r.startedAt.getTime() > after,
    );
    expect(recent.length).toBeGreaterThanOrEqual(2);
    expect(recent.every((r) => r.outcome === "ok")).toBe(true);
  }, 120_000);

  it("delivers each outbox message once across the processes, and a process killed mid-delivery loses none", async () => {
    // A slow 企业微信 robot (each message takes 400 ms to be answered), so that one delivery run outlasts several
    // slots and the processes' runs overlap.
    const robot = await startRobot("wecom", "", { answerAfterMs: 400 });
    try {
      await saveChannel(
        database.db,
        { userId: null, role: null, requestId: "multi-process" },
        { collegeId: w.collegeA, kind: "wecom", enabled: true, config: {}, secrets: { webhookUrl: { value: robot.url } } },
      );
      const queue = (batch: string, n: number) =>
        database.db.transaction(async (tx) => {
          for (let i = 0; i < n; i++)
            await enqueue(tx, {
              collegeId: w.collegeA,
              recipientUserId: null,
              event: "urge",
              title: `${batch}-${i}`,
              lines: [`${batch}-${i}`],
            });
        });
      const deliveries = (title: string) => robot.received.filter((r) => r.body.markdown.content?.includes(title)).length;
      const until = async (done: () => boolean | Promise<boolean>, why: string) => {
        for (let waited = 0; !(await done()); waited += 100) {
          if (waited > 30_000) {
            const rows = await database.db.select().from(notificationOutbox);
            const states = rows.map((r) => `${r.title} ${r.state} ${r.attempts} ${r.lastError ?? ""}`).join("\n");
            throw new Error(`waited 30 s for ${why}; the robot took ${robot.received.length}:\n${states}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const sentOf = async (batch: string) =>
        (await database.db.select().from(notificationOutbox)).filter((r) => r.title.startsWith(batch) && r.state === "sent").length;

      // Every process running: each message reaches the robot exactly once.
      // Few enough that the robot's 20 a minute (counted from the outbox, retaken ones included) holds them all.
      await queue("once", 4);
      await until(async () => (await sentOf("once")) === 4, "the first four sent");
      expect(Array.from({ length: 4 }, (_, i) => deliveries(`once-${i}`))).toEqual([1, 1, 1, 1]);

      // The process delivering is killed while the robot has some of the batch: the rest is taken over once its
      // lease runs out, and nothing is lost (the message in flight at the kill may come twice: the robot took
      // it but the dead process never heard so — at least once, never lost).
      const before = robot.received.length;
      await queue("killed", 6);
      await until(() => robot.received.length >= before + 2, "the second batch under way");
      // The run that claimed the batch is the oldest still running (the others find nothing to claim and end).
      const [running] = await database.db
        .select({ runner: jobRuns.runner })
        .from(jobRuns)
        .where(and(inArray(jobRuns.job, ["deliver-notifications", "queue-reminders"]), eq(jobRuns.outcome, "running")))
        .orderBy(asc(jobRuns.startedAt))
        .limit(1);
      const sender = backends.find((b) => running?.runner?.endsWith(`:${b.child.pid}`) && b.child.exitCode === null);
      expect(sender, `the delivering process (${running?.runner})`).toBeDefined();
      (sender as Backend).child.kill("SIGKILL");
      (sender as Backend).alive = false;
      await until(async () => (await sentOf("killed")) === 6, "the second batch sent by the survivors");
      const counts = Array.from({ length: 6 }, (_, i) => deliveries(`killed-${i}`));
      expect(counts.every((c) => c >= 1)).toBe(true);
      expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(7);
      expect((sender as Backend).child.signalCode ?? "SIGKILL").toBe("SIGKILL");
    } finally {
      await robot.close();
    }
  }, 120_000);
});
