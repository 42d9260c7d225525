import { checkpointDir } from "../../data-paths";
import { writeCheckpoint } from "../audit-log/checkpoint";
import { linkPendingEvents } from "../audit-log/link-events";
import { notificationJobs } from "../notifications/notification-jobs";
import { pruneExpiredSessions, pruneJobRuns, pruneRateWindows, pruneSignOn } from "./prune";
import type { ScheduledJob } from "./scheduler";

const HOUR = 3_600_000;

/**
 * The jobs a server process schedules (each runs once per period across all processes). Adding a job
 * is one entry here: `{ name, periodMs, run: (db, now) => … }`.
 */
export function serverJobs(env: NodeJS.ProcessEnv = process.env): ScheduledJob[] {
  const checkpointHours = Number(env.XUEJI_CHECKPOINT_HOURS ?? 6);
  const jobs: ScheduledJob[] = [
    // A signed checkpoint of the audit log's head, outside the database (docs/operations.md, “The audit log”);
    // the first pins how many events predate the key, so one is written even of an empty log.
    ...(checkpointHours > 0
      ? [
          {
            name: "audit-checkpoint",
            periodMs: checkpointHours * HOUR,
            run: async (db, now) => {
              // Events a process committed but did not live to link are linked first (any later event's pass would too).
              await linkPendingEvents(db);
              return writeCheckpoint(db, checkpointDir(), now, undefined, { pinEmpty: true });
            },
          } satisfies ScheduledJob,
        ]
      : []),
    { name: "prune-rate-limits", periodMs: HOUR, run: pruneRateWindows },
    { name: "prune-sessions", periodMs: HOUR, run: pruneExpiredSessions },
    { name: "prune-sign-on", periodMs: HOUR, run: pruneSignOn },
    { name: "prune-job-runs", periodMs: 24 * HOUR, run: pruneJobRuns },
    ...notificationJobs(env),
  ];
  return withPeriodOverrides(jobs, env.XUEJI_JOB_PERIODS);
}

/**
 * XUEJI_JOB_PERIODS="name=ms,…" (or "*=ms" for all) replaces jobs' periods: a test runs each job every
 * second, an operator may thin one out. A malformed entry stops the start rather than run on a guess.
 */
export function withPeriodOverrides(jobs: ScheduledJob[], spec: string | undefined): ScheduledJob[] {
  if (!spec?.trim()) return jobs;
  const periods = new Map<string, number>();
  for (const entry of spec.split(",")) {
    const [name = "", value = ""] = entry.split("=").map((s) => s.trim());
    const ms = Number(value);
    if (!name || !Number.isInteger(ms) || ms < 100 || (name !== "*" && !jobs.some((j) => j.name === name)))
      throw new Error(
        `XUEJI_JOB_PERIODS: “${entry}” is not name=milliseconds (≥ 100) of a known job (${jobs.map((j) => j.name).join(", ")})`,
      );
    periods.set(name, ms);
  }
  return jobs.map((j) => ({ ...j, periodMs: periods.get(j.name) ?? periods.get("*") ?? j.periodMs }));
}
