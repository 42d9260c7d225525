import { lt, sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { sessions, signOnFlows, signOnTickets } from "../../db/schema";
import { pruneWindows as pruneSignInWindows } from "../auth/limiter";
import { pruneWindows } from "../rate-window";

/**
 * The housekeeping jobs: what would otherwise pile up for ever. Each removes everything due by `now`,
 * so a slot missed (its process killed) is made good by the next.
 */

/** Sign-in and verification-page windows closed for over a day. */
export async function pruneRateWindows(db: Db, now: Date): Promise<void> {
  await pruneSignInWindows(db, now);
  await pruneWindows(db, "verify_counters", now);
}

/**
 * Sessions past their expiry. An ended session (signed out elsewhere, password changed) stays until
 * it would have expired, so that its next request can still say why it must sign in again.
 */
export async function pruneExpiredSessions(db: Db, now: Date): Promise<number> {
  return (await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ t: sessions.tokenHash })).length;
}

/**
 * A campus ticket or authorization code is kept a day after its use, far past the few minutes the
 * portal honours it (CAS tickets, OIDC codes), so its reuse is still refused while it could be valid.
 */
export const KEEP_SIGN_ON_TICKETS_MS = 86_400_000;

/** Sign-ons abandoned at the portal (their flows expired) and tickets too old to be replayed. */
export async function pruneSignOn(db: Db, now: Date): Promise<void> {
  await db.delete(signOnFlows).where(lt(signOnFlows.expiresAt, now));
  await db.delete(signOnTickets).where(lt(signOnTickets.usedAt, new Date(now.getTime() - KEEP_SIGN_ON_TICKETS_MS)));
}

/** The scheduler's own history: a month of runs, and always each job's newest run (its health). */
export const KEEP_JOB_RUNS_MS = 30 * 86_400_000;

export async function pruneJobRuns(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - KEEP_JOB_RUNS_MS);
  const result = await db.execute(sql`
    delete from job_runs r where r.started_at < ${before.toISOString()}
      and exists (select 1 from job_runs n where n.job = r.job and n.slot > r.slot)
    returning r.job`);
  return resultRows(result).length;
}
