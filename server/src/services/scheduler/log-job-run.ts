import type { Logger } from "../../logger";

/** A run's line in the server log: every run at info, a failure at error with its cause. */
export function logJobRun(
  run: { job: string; slot: number; outcome: "ok" | "failed"; durationMs: number; error?: unknown },
  logger: Logger,
): void {
  const fields = { job: run.job, slot: run.slot, durationMs: run.durationMs };
  if (run.outcome === "ok") logger.info(fields, "scheduled job ran");
  // The audit checkpoint refusing to sign is the one an operator must act on: the message says what to do.
  else
    logger.error(
      { ...fields, err: run.error },
      run.job === "audit-checkpoint" ? "audit checkpoint NOT written: run xueji audit verify" : "scheduled job failed",
    );
}
