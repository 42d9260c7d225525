import { sql } from "drizzle-orm";
import { type Executor, resultRows } from "../../db/client";
import type { Scheduler } from "./scheduler";

/** A scheduled job's metrics, read from its runs in `job_runs` (any process's). */
export interface JobHealth {
  name: string;
  periodMs: number;
  /** The newest run: when it started, how long it took, how it ended (`running` while under way or if its process died). */
  lastRun: { at: string; durationMs: number | null; outcome: "running" | "ok" | "failed"; error: string | null } | null;
  /** When the newest run that ended well started. */
  lastOkAt: string | null;
  /** No good run for twice the period (and this process has been scheduling that long). */
  late: boolean;
}

export interface JobLateWarning {
  code: "scheduler.job-late";
  job: string;
  message: { "zh-CN": string; en: string };
}

export async function jobHealth(db: Executor, scheduler: Pick<Scheduler, "jobs" | "startedAt">, now: Date): Promise<JobHealth[]> {
  const names = scheduler.jobs.map((j) => j.name);
  if (!names.length) return [];
  const rows = resultRows<{
    job: string;
    started_at: string | Date;
    duration_ms: number | null;
    outcome: "running" | "ok" | "failed";
    error: string | null;
    last_ok: string | Date | null;
  }>(
    await db.execute(sql`
      select distinct on (r.job) r.job, r.started_at, r.duration_ms, r.outcome, r.error,
        (select max(o.started_at) from job_runs o where o.job = r.job and o.outcome = 'ok') as last_ok
      from job_runs r
      where r.job in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )})
      order by r.job, r.slot desc`),
  );
  const byJob = new Map(rows.map((r) => [r.job, r]));
  return scheduler.jobs.map((job) => {
    const row = byJob.get(job.name);
    const lastOk = row?.last_ok ? new Date(row.last_ok) : null;
    const since = Math.max(lastOk?.getTime() ?? 0, scheduler.startedAt.getTime());
    return {
      name: job.name,
      periodMs: job.periodMs,
      lastRun: row
        ? {
            at: new Date(row.started_at).toISOString(),
            durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
            outcome: row.outcome,
            error: row.error,
          }
        : null,
      lastOkAt: lastOk?.toISOString() ?? null,
      late: now.getTime() - since > 2 * job.periodMs,
    };
  });
}

/** One warning per late job, in the reader's words: which job, since when, and how its last run ended. */
export function jobLateWarnings(jobs: JobHealth[]): JobLateWarning[] {
  return jobs
    .filter((j) => j.late)
    .map((j) => {
      const since = j.lastOkAt ? `上次成功于 ${j.lastOkAt}` : "尚未成功运行过";
      const sinceEn = j.lastOkAt ? `last succeeded at ${j.lastOkAt}` : "has never succeeded";
      const why = j.lastRun?.outcome === "failed" ? `；最近一次失败：${j.lastRun.error ?? ""}` : "";
      const whyEn = j.lastRun?.outcome === "failed" ? `; the last run failed: ${j.lastRun.error ?? ""}` : "";
      return {
        code: "scheduler.job-late" as const,
        job: j.name,
        message: {
          "zh-CN": `定时任务“${j.name}”已超过两个周期未运行（${since}${why}）。`,
          en: `Scheduled job “${j.name}” has not run for two periods (${sinceEn}${whyEn}).`,
        },
      };
    });
}
