import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { type Database, migrationsFolder, resultRows } from "../db/client";
import { type JobHealth, type JobLateWarning, jobHealth, jobLateWarnings } from "../services/scheduler/job-health";
import type { Scheduler } from "../services/scheduler/scheduler";
import { type HealthWarning, healthWarnings } from "./health-warnings";

export interface Health {
  ok: boolean;
  db: "pglite" | "postgres";
  /** The database answered `select 1`. */
  database: boolean;
  /** Migrations in this build's journal / applied to the database. */
  migrations: { expected: number; applied: number; current: boolean };
  /** What an operator should know although the server works (e.g. a year's public holidays not yet published). */
  warnings: Array<HealthWarning | JobLateWarning>;
  /** The scheduled jobs of this process's scheduler with their last runs (any process's); empty without a scheduler. */
  jobs: JobHealth[];
}

/** The migrations this build expects, by the timestamp drizzle records when it applies one. */
function journal(): number[] {
  const { entries } = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: Array<{ when: number }>;
  };
  return entries.map((e) => e.when);
}

/**
 * `/api/health`: whether the database answers AND has every migration of this build. A server
 * started on a database a newer or older build migrated is not healthy (503), so a load balancer
 * keeps it out until the upgrade is finished.
 */
export async function checkHealth(
  database: Database,
  today: string,
  scheduler?: Pick<Scheduler, "jobs" | "startedAt">,
  now = new Date(),
): Promise<Health> {
  const expected = journal();
  const answer: Health = {
    ok: false,
    db: database.engine,
    database: false,
    migrations: { expected: expected.length, applied: 0, current: false },
    warnings: [],
    jobs: [],
  };
  try {
    await database.db.execute(sql`select 1`);
    answer.database = true;
    const rows = resultRows<{ created_at: string | number }>(
      await database.db.execute(sql`select created_at from drizzle.__drizzle_migrations`),
    );
    const applied = new Set(rows.map((r) => Number(r.created_at)));
    answer.migrations.applied = applied.size;
    answer.migrations.current = expected.every((when) => applied.has(when));
    if (answer.migrations.current) {
      answer.warnings = await healthWarnings(database.db, today);
      // A late job warns but does not take the process out of the balancer: another may be fine.
      if (scheduler) {
        answer.jobs = await jobHealth(database.db, scheduler, now);
        answer.warnings.push(...jobLateWarnings(answer.jobs));
      }
    }
  } catch {
    // The database did not answer, or has no migrations table: the fields above say which.
  }
  answer.ok = answer.database && answer.migrations.current;
  return answer;
}
