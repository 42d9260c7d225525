import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { resultRows } from "../src/db/client";
import { createHttpServer } from "../src/http/server";
import { freshDatabase, rosterGrid, seedColleges } from "./setup";
import { percentile } from "./timing";

/**
 * 20 colleges submitting 2,000-row sheets at the same moment over HTTP; then all of them again
 * (a client retrying). Prints throughput and p95 latency, and checks that every row is stored once.
 */
export async function benchHttp(engine: "pglite" | "postgres", colleges: number, rows: number): Promise<void> {
  const database = await freshDatabase(engine);
  if (!database) {
    console.log(`\n## ${colleges} colleges over HTTP on ${engine}: skipped (PostgreSQL not reachable)`);
    return;
  }
  const server = createHttpServer(database, { today: () => "2026-11-23" });
  try {
    const secretaries = await seedColleges(database, colleges, rows);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc/sheets.submit`;
    const bodies = secretaries.map((_, i) =>
      JSON.stringify({ clientId: `http-${engine}-${i}`, termCode: "2025-2026-1", grid: rosterGrid(i + 1, rows) }),
    );
    const round = async () => {
      const latencies: number[] = [];
      const start = performance.now();
      const results = await Promise.all(
        secretaries.map(async (s, i) => {
          const t = performance.now();
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${s.token}` },
            body: bodies[i] as string,
          });
          latencies.push(performance.now() - t);
          return { status: res.status, body: (await res.json()) as { result?: { data: { duplicate: boolean; rows: number } } } };
        }),
      );
      return { wall: performance.now() - start, latencies, results };
    };
    const first = await round();
    const retry = await round();
    const [{ n, distinct, per }] = (await database.db
      .execute(
        sql`select count(*)::int as n, count(distinct (submission_id, row_number))::int as distinct, (select count(*)::int from sheet_submissions) as per from sheet_rows`,
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
      `  retry (all 20) : p95 ${percentile(retry.latencies, 95).toFixed(0)} ms, every answer the first receipt: ${retry.results.every((r) => r.body.result?.data.duplicate === true)}`,
    );
    console.log(
      `  rows stored    : ${n} (expected ${colleges * rows}), distinct ${distinct}, submissions ${per} (expected ${colleges}) → ${n === colleges * rows && distinct === n && per === colleges && ok ? "none lost or duplicated" : "MISMATCH"}`,
    );
  } finally {
    server.close();
    await database.close();
  }
}
