import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { oneOf } from "./enums";

export const JOB_OUTCOMES = ["running", "ok", "failed"] as const;

/**
 * One row per scheduled job and time slot (services/scheduler): inserting it IS the claim, so of the
 * server processes sharing this database exactly one runs a job in a slot (the primary key decides).
 * The row then carries the run's metrics — when, how long, how it ended — for `/api/health`.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    job: text("job").notNull(),
    /** floor(epoch ms / period ms) at the time of the claim. */
    slot: bigint("slot", { mode: "number" }).notNull(),
    /** The job's period when it ran: the health check warns after twice this without a good run. */
    periodMs: bigint("period_ms", { mode: "number" }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    /** running → ok | failed; a process killed mid-run leaves `running`, and the next slot runs the job again. */
    outcome: text("outcome", { enum: JOB_OUTCOMES }).notNull(),
    /** The error's message when failed (never a stack: it is shown to the operator). */
    error: text("error"),
    /** Which process ran it (host:pid), for the operator reading the table. */
    runner: text("runner").notNull(),
  },
  (t) => [
    primaryKey({ name: "job_runs_pkey", columns: [t.job, t.slot] }),
    index("job_runs_job_started").on(t.job, t.startedAt),
    check("job_runs_outcome", oneOf(t.outcome, JOB_OUTCOMES)),
  ],
);
