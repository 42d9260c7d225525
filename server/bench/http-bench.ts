import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "../src/db/client";
import { createHttpServer } from "../src/http/server";
import { HttpClients } from "./http-clients";
import { freshDatabase, rosterGrid, seedColleges } from "./setup";
import { percentile } from "./timing";

/**
 * CPU milliseconds this process's main thread has used (Linux: its own task's utime + stime), or null
 * elsewhere. On PGlite the database, the requests and the checks all share this one thread, and on a
 * busy machine its CPU time says more than the wall clock.
 */
function mainThreadCpuMs(): number | null {
  try {
    // Fields after the command's name (in parentheses): utime and stime are the 12th and 13th, in clock ticks.
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** CPU milliseconds of a process of this machine (the database's backends, on PostgreSQL), or 0 when unreadable. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The CPU time so far of each backend serving this database (PostgreSQL on this machine; empty elsewhere). */
async function backendsCpu(database: Database): Promise<Map<number, number>> {
  if (database.engine !== "postgres") return new Map();
  const pids = resultRows<{ pid: number }>(
    await database.db.execute(sql`select pid from pg_stat_activity where datname = current_database()`),
  );
  return new Map(pids.map(({ pid }) => [pid, processCpuMs(pid)]));
}

/**
 * 20 colleges submitting 2,000-row sheets at the same moment over HTTP, from a thread of their own; then all of
 * them again (a client retrying). Prints throughput and p95 latency, and checks that every row is stored once.
 */
/** Colleges whose sheets warm the server before the clock: one per pool thread (two on a 2-core machine). */
const WARM_UP = 2;

export async function benchHttp(engine: "pglite" | "postgres", colleges: number, rows: number): Promise<void> {
  const database = await freshDatabase(engine);
  if (!database) {
    console.log(`\n## ${colleges} colleges over HTTP on ${engine}: skipped (PostgreSQL not reachable)`);
    return;
  }
  const server = createHttpServer(database, { today: () => "2026-11-23" });
  const clients = new HttpClients();
  try {
    const seeded = await seedColleges(database, colleges + WARM_UP, rows);
    const secretaries = seeded.slice(0, colleges);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc/sheets.submit`;
    const bodies = (from: number, to: number) =>
      seeded
        .slice(from, to)
        .map((_, i) =>
          Buffer.from(
            JSON.stringify({ clientId: `http-${engine}-${from + i}`, termCode: "2025-2026-1", grid: rosterGrid(from + i + 1, rows) }),
          ),
        );
    // A server that has been running has compiled its code (V8's JIT, the pool threads' too) and PGlite's
    // WebAssembly: warmed by a few colleges' sheets before the clock, the round measures the server, not its start.
    await clients.load(bodies(colleges, colleges + WARM_UP));
    const warmed = await clients.send(
      url,
      seeded.slice(colleges).map((s) => s.token),
    );
    if (!warmed.every((r) => r.status === 200)) throw new Error(`warm-up refused: ${JSON.stringify(warmed.map((r) => r.body))}`);
    // Encoded once and handed to the clients' thread before the clock.
    await clients.load(bodies(0, colleges));
    const tokens = secretaries.map((s) => s.token);
    const round = async () => {
      const start = performance.now();
      const results = await clients.send(url, tokens);
      return { wall: performance.now() - start, latencies: results.map((r) => r.latency), results };
    };
    // While the first round runs: how late the server's event loop runs its timers, and on PostgreSQL how many
    // sessions wait for a lock (pg_stat_activity, every 20 ms).
    const loop = monitorEventLoopDelay({ resolution: 10 });
    // Which lock they wait for (pg_locks, not granted): a relation by name, an advisory lock by its key —
    // the audit chain's head is key 727002 (link-events.ts) — so a queue shows where it forms.
    const lockWaits: number[] = [];
    const waitsOn = new Map<string, number>();
    let sampling = engine === "postgres";
    const sampler = (async () => {
      while (sampling) {
        const waiting = resultRows<{ what: string; n: number }>(
          await database.db.execute(
            sql`select case when l.locktype = 'advisory' then 'advisory ' || l.objid::text
                            when l.relation is not null then l.locktype || ' ' || l.relation::regclass::text
                            else l.locktype end as what, count(*)::int as n
                from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where not l.granted and a.datname = current_database() group by 1`,
          ),
        );
        lockWaits.push(waiting.reduce((sum, w) => sum + w.n, 0));
        for (const w of waiting) waitsOn.set(w.what, (waitsOn.get(w.what) ?? 0) + w.n);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    // BENCH_HTTP_PROFILE=dir: the main thread's CPU profile of the first round, written there.
    const profileDir = process.env.BENCH_HTTP_PROFILE;
    const inspector = profileDir ? new Session() : null;
    if (inspector) {
      inspector.connect();
      await inspector.post("Profiler.setSamplingInterval", { interval: 500 });
      await inspector.post("Profiler.enable");
      await inspector.post("Profiler.start");
    }
    const backendsBefore = await backendsCpu(database);
    const cpuBefore = mainThreadCpuMs();
    const processBefore = process.cpuUsage();
    loop.enable();
    const first = await round();
    loop.disable();
    const cpuAfter = mainThreadCpuMs();
    const processCpu = process.cpuUsage(processBefore);
    // The database's share of the machine: with the server's threads, what two cores have to give.
    let backendMs = 0;
    for (const [pid, after] of await backendsCpu(database)) backendMs += after - (backendsBefore.get(pid) ?? 0);
    if (inspector && profileDir) {
      const { profile } = await inspector.post("Profiler.stop");
      mkdirSync(profileDir, { recursive: true });
      const file = `${profileDir}/http-${engine}-${Date.now()}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      console.log(`  profile        : ${file}`);
      inspector.disconnect();
    }
    sampling = false;
    await sampler;
    const retry = await round();
    // The timed colleges' rows only (the warm-up's are stored too); ids are the seed's integers.
    const timed = sql.raw(`(${secretaries.map((c) => Number(c.collegeId)).join(",")})`);
    const [{ n, distinct, per }] = (await database.db
      .execute(
        sql`select count(*)::int as n, count(distinct (submission_id, row_number))::int as distinct, (select count(*)::int from sheet_submissions where college_id in ${timed}) as per from sheet_rows join sheet_submissions s on s.id = submission_id where s.college_id in ${timed}`,
      )
      .then((r) => resultRows(r))) as [{ n: number; distinct: number; per: number }];
    const ok =
      first.results.every((r) => r.status === 200 && r.body.result?.data.duplicate === false) &&
      retry.results.every((r) => r.body.result?.data.duplicate === true);
    console.log(`\n## ${colleges} colleges × ${rows}-row sheets submitted at once over HTTP on ${engine}`);
    console.log(
      `  throughput     : ${Math.round(((colleges * rows) / first.wall) * 1000)} rows/s (${(first.wall / 1000).toFixed(1)} s for ${colleges * rows} rows)`,
    );
    console.log(
      `  latency        : p50 ${percentile(first.latencies, 50).toFixed(0)} ms, p95 ${percentile(first.latencies, 95).toFixed(0)} ms`,
    );
    console.log(
      `  event-loop delay: p50 ${(loop.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
    );
    if (cpuBefore !== null && cpuAfter !== null)
      console.log(
        `  CPU            : main thread ${((cpuAfter - cpuBefore) / colleges).toFixed(0)} ms per request, process (all threads, the clients' too) ${((processCpu.user + processCpu.system) / 1000 / colleges).toFixed(0)} ms per request${engine === "postgres" ? `, database backends ${(backendMs / colleges).toFixed(0)} ms per request` : ""}`,
      );
    if (lockWaits.length)
      console.log(
        `  lock waits     : sessions waiting on a lock, mean ${(lockWaits.reduce((a, b) => a + b, 0) / lockWaits.length).toFixed(1)}, max ${Math.max(...lockWaits)} (${lockWaits.length} samples)`,
      );
    if (waitsOn.size)
      console.log(
        `  waiting on     : ${[...waitsOn]
          .sort((a, b) => b[1] - a[1])
          .map(([what, n]) => `${what} (mean ${(n / lockWaits.length).toFixed(1)})`)
          .join(", ")}`,
      );
    const p95 = percentile(first.latencies, 95);
    const goal = engine === "postgres" ? 1500 : 2000;
    console.log(`  p95 goal       : ≤ ${goal} ms: ${p95 <= goal ? "met" : "NOT met"}`);
    console.log(
      `  retry (all 20) : p95 ${percentile(retry.latencies, 95).toFixed(0)} ms, every answer the first receipt: ${retry.results.every((r) => r.body.result?.data.duplicate === true)}`,
    );
    console.log(
      `  rows stored    : ${n} (expected ${colleges * rows}), distinct ${distinct}, submissions ${per} (expected ${colleges}) → ${n === colleges * rows && distinct === n && per === colleges && ok ? "none lost or duplicated" : "MISMATCH"}`,
    );
  } finally {
    await clients.close();
    server.close();
    await database.close();
  }
}
