import { count, sum } from "drizzle-orm";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../db/client";
import { sheetSubmissions } from "../db/schema";

/**
 * `/api/metrics` in Prometheus text format (prom-client) for the school's monitoring. Requests and
 * their durations are counted by this process; submissions and rows are read from the database
 * at scrape time, so every process behind a balancer reports the same school-wide figures.
 */
export interface Metrics {
  registry: Registry;
  /** One tRPC call (a batch counts each call) with its outcome: "ok" or the error code. */
  observeCall(procedure: string, outcome: string, seconds: number): void;
}

export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  const calls = new Counter({
    name: "xueji_trpc_calls_total",
    help: "tRPC calls by procedure and outcome (ok or the error code)",
    labelNames: ["procedure", "outcome"],
    registers: [registry],
  });
  const errors = new Counter({
    name: "xueji_errors_total",
    help: "Calls that ended in an error, by error code",
    labelNames: ["code"],
    registers: [registry],
  });
  const durations = new Histogram({
    name: "xueji_trpc_call_duration_seconds",
    help: "Duration of the HTTP request carrying each tRPC call, by procedure",
    labelNames: ["procedure"],
    buckets: [0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: "xueji_sheet_submissions",
    help: "Check-sheet submissions stored, by kind and state",
    labelNames: ["kind", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db
        .select({ kind: sheetSubmissions.kind, state: sheetSubmissions.state, n: count() })
        .from(sheetSubmissions)
        .groupBy(sheetSubmissions.kind, sheetSubmissions.state);
      for (const r of rows) this.set({ kind: r.kind, state: r.state }, r.n);
    },
  });
  new Gauge({
    name: "xueji_sheet_rows",
    help: "Rows in stored check-sheet submissions, and how many carry errors",
    labelNames: ["with"],
    registers: [registry],
    async collect() {
      const [r] = await db
        .select({ rows: sum(sheetSubmissions.rowCount), errors: sum(sheetSubmissions.rowsWithErrors) })
        .from(sheetSubmissions);
      this.set({ with: "any" }, Number(r?.rows ?? 0));
      this.set({ with: "errors" }, Number(r?.errors ?? 0));
    },
  });
  return {
    registry,
    observeCall(procedure, outcome, seconds) {
      calls.inc({ procedure, outcome });
      durations.observe({ procedure }, seconds);
      if (outcome !== "ok") errors.inc({ code: outcome });
    },
  };
}
