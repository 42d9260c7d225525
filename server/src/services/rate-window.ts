import { sql } from "drizzle-orm";
import { type Executor, resultRows } from "../db/client";

/** Tables holding fixed rate-limit windows (key, window_started_at, attempts). */
export type WindowTable = "sign_in_counters" | "verify_counters";

/**
 * Counts one attempt under `key` and returns the new count with its window's start, in ONE statement:
 * a fresh window starts at 1, else the count goes up by one. Concurrent callers — in this process or
 * another on the same database — are serialised by the row lock of the upsert, so 200 simultaneous
 * attempts see 1…200 and none can read "below the limit" twice.
 */
export async function countInWindow(
  db: Executor,
  table: WindowTable,
  key: string,
  windowMinutes: number,
  now: Date,
): Promise<{ attempts: number; windowStartedAt: Date }> {
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const result = await db.execute(sql`
    insert into ${sql.identifier(table)} as c (key, window_started_at, attempts) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      attempts = case when c.window_started_at <= ${windowStart} then 1 else c.attempts + 1 end,
      window_started_at = case when c.window_started_at <= ${windowStart} then ${now.toISOString()}::timestamptz else c.window_started_at end
    returning attempts, window_started_at`);
  const [row] = resultRows<{ attempts: number; window_started_at: string | Date }>(result);
  return { attempts: Number(row?.attempts ?? 1), windowStartedAt: new Date(row?.window_started_at ?? now) };
}

/** Windows are kept a day after they open, then dropped: keys (addresses, invented names) seen once do not pile up. */
export const KEEP_WINDOWS_MS = 86_400_000;

/** Drops the windows of `table` opened more than a day before `now`; returns how many went. */
export async function pruneWindows(db: Executor, table: WindowTable, now: Date): Promise<number> {
  const result = await db.execute(
    sql`delete from ${sql.identifier(table)} where window_started_at < ${new Date(now.getTime() - KEEP_WINDOWS_MS).toISOString()} returning key`,
  );
  return resultRows(result).length;
}
