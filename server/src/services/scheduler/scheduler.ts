import { hostname } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { jobRuns } from "../../db/schema";

/**
 * Work that runs once per time slot whatever the number of server processes on the database
 * (docs/operations.md, “Several processes”). Registering a job is one entry in serverJobs (jobs.ts).
 */
export interface ScheduledJob {
  /** Stable name: the key of its runs in `job_runs` and of its period override (XUEJI_JOB_PERIODS). */
  name: string;
  periodMs: number;
  /**
   * The work. It must catch up on whatever earlier slots left undone (a slot whose process died
   * mid-run is not run again: the next slot is), so "everything due by `now`", never "the last hour".
   */
  run(db: Db, now: Date): Promise<unknown>;
}

export interface Scheduler {
  readonly jobs: readonly ScheduledJob[];
  /** When this process began scheduling: a job is not called late before two periods have passed. */
  readonly startedAt: Date;
  /** Claims and runs every job whose current slot nobody has claimed yet; resolves when those runs end. */
  tick(): Promise<string[]>;
  /** No new runs; waits for the ones under way (a SIGTERM lets the current job finish). */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  clock?: () => Date;
  /** How often each process looks for a due slot (default: a quarter of the shortest period, 0.1–30 s). */
  tickMs?: number;
  /** Who runs (host:pid by default), written on the run's row. */
  runner?: string;
  onRun?: (report: { job: string; slot: number; outcome: "ok" | "failed"; durationMs: number; error?: unknown }) => void;
  /** Do not start the timer (tests call tick themselves). */
  manual?: boolean;
}

export function slotOf(job: ScheduledJob, now: Date): number {
  return Math.floor(now.getTime() / job.periodMs);
}

/**
 * Claims `slot` of `job` in ONE statement: the insert succeeds for exactly one caller, in this process
 * or another; the others meet the primary key and get no row. A slot older than one already claimed
 * is never claimed (a process whose clock lags must not run a slot again after its neighbour ran the next).
 */
export async function claimSlot(db: Db, job: ScheduledJob, slot: number, now: Date, runner: string): Promise<boolean> {
  const result = await db.execute(sql`
    insert into job_runs (job, slot, period_ms, started_at, outcome, runner)
    select ${job.name}, ${slot}, ${job.periodMs}, ${now.toISOString()}, 'running', ${runner}
    where not exists (select 1 from job_runs where job = ${job.name} and slot >= ${slot})
    on conflict (job, slot) do nothing
    returning slot`);
  return resultRows(result).length === 1;
}

/** Runs a claimed slot and records how it went on its row. */
async function runClaimed(db: Db, job: ScheduledJob, slot: number, now: Date, options: SchedulerOptions): Promise<void> {
  const started = performance.now();
  let error: unknown;
  try {
    await job.run(db, now);
  } catch (e) {
    error = e;
  }
  const durationMs = Math.round(performance.now() - started);
  const outcome = error === undefined ? "ok" : "failed";
  await db
    .update(jobRuns)
    .set({
      finishedAt: new Date((options.clock ?? (() => new Date()))().getTime()),
      durationMs,
      outcome,
      error: error === undefined ? null : String(error instanceof Error ? error.message : error).slice(0, 1000),
    })
    .where(and(eq(jobRuns.job, job.name), eq(jobRuns.slot, slot)));
  options.onRun?.({ job: job.name, slot, outcome, durationMs, ...(error === undefined ? {} : { error }) });
}

export function startScheduler(db: Db, jobs: readonly ScheduledJob[], options: SchedulerOptions = {}): Scheduler {
  const clock = options.clock ?? (() => new Date());
  const runner = options.runner ?? `${hostname()}:${process.pid}`;
  const startedAt = clock();
  // The slot each job was last tried in by THIS process: one claim attempt per slot and process.
  const tried = new Map<string, number>();
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  // Ticks under way: stop() waits for them too (one may be between its claim and its run).
  const ticking = new Set<Promise<string[]>>();

  function tick(): Promise<string[]> {
    const once = tickOnce().finally(() => ticking.delete(once));
    ticking.add(once);
    return once;
  }

  async function tickOnce(): Promise<string[]> {
    if (stopped) return [];
    const now = clock();
    const ran: string[] = [];
    const runs: Promise<void>[] = [];
    for (const job of jobs) {
      const slot = slotOf(job, now);
      if (tried.get(job.name) === slot || running.has(job.name)) continue;
      tried.set(job.name, slot);
      let claimed: boolean;
      try {
        claimed = await claimSlot(db, job, slot, now, runner);
      } catch {
        tried.delete(job.name); // the database did not answer: try again at the next tick
        continue;
      }
      if (!claimed) continue;
      ran.push(job.name);
      const run = runClaimed(db, job, slot, now, options)
        .catch(() => {}) // the row stays `running`; the health check will say the job is late
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
      runs.push(run);
    }
    await Promise.all(runs);
    return ran;
  }

  const shortest = Math.min(...jobs.map((j) => j.periodMs));
  const tickMs = options.tickMs ?? Math.min(30_000, Math.max(100, Math.floor(shortest / 4)));
  let timer: NodeJS.Timeout | undefined;
  if (!options.manual && jobs.length) {
    void tick();
    timer = setInterval(() => void tick(), tickMs);
    timer.unref();
  }
  return {
    jobs,
    startedAt,
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.all([...ticking, ...running.values()]);
    },
  };
}
