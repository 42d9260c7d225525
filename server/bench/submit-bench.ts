import { readSheet } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { resultRows } from "../src/db/client";
import { sheetSubmissions } from "../src/db/schema";
import { insertSheetRows } from "../src/services/sheets/insert-sheet-rows";
import { type SubmitPhases, submitSheet } from "../src/services/sheets/submit-sheet";
import { freshDatabase, rosterGrid, seedColleges } from "./setup";
import { median, time } from "./timing";

/**
 * A 50,000-row roster through the whole service (validate, check against the record, store rows
 * and issues, audit) versus a plain bulk insert of the same normalised rows into the same table.
 */
export async function benchSubmit(engine: "pglite" | "postgres", rows: number, rounds: number): Promise<void> {
  const database = await freshDatabase(engine);
  if (!database) {
    console.log(`\n## submit ${rows} rows on ${engine}: skipped (PostgreSQL not reachable)`);
    return;
  }
  const { db } = database;
  try {
    const [college] = await seedColleges(database, 1, rows);
    const { collegeId, userId } = college as { collegeId: number; userId: number };
    const grid = rosterGrid(1, rows);
    const normalised = readSheet(grid, { today: "2026-11-23" }).rows;
    const service: number[] = [];
    const plain: number[] = [];
    const phases: SubmitPhases = {};
    for (let r = 0; r < rounds; r++) {
      service.push(
        await time(() =>
          submitSheet(db, {
            actor: { userId, role: "secretary", requestId: "bench" },
            clientId: `bench-${engine}-${r}`,
            termCode: "2025-2026-1",
            collegeId,
            grid,
            today: "2026-11-23",
            phases,
          }),
        ),
      );
      const [target] = await db
        .insert(sheetSubmissions)
        .values({
          clientId: `plain-${engine}-${r}`,
          kind: "roster-returning",
          collegeId,
          termCode: "2025-2026-2",
          version: r + 1,
          contentHash: "-",
          templateVersion: 1,
          rowCount: rows,
          rowsWithErrors: 0,
          errorCount: 0,
          warningCount: 0,
          state: "submitted",
          submittedBy: userId,
        })
        .returning({ id: sheetSubmissions.id });
      const id = (target as { id: string }).id;
      const prepared = normalised.map((n) => ({
        submission_id: id,
        row_number: n.row,
        student_no: n.values.studentNo ?? null,
        values: n.values,
        issues: [],
        error_count: 0,
      }));
      plain.push(await time(() => db.transaction((tx) => insertSheetRows(tx, prepared))));
    }
    const stored = await db.execute(sql`select count(*)::int as n from sheet_rows`);
    const [s, p] = [median(service), median(plain)];
    console.log(`\n## submit a ${rows}-row roster on ${engine} (median of ${rounds})`);
    console.log(`  plain bulk insert of the normalised rows : ${p.toFixed(0)} ms  (${Math.round((rows / p) * 1000)} rows/s)`);
    console.log(`  sheets.submit service (validate + record): ${s.toFixed(0)} ms  (${Math.round((rows / s) * 1000)} rows/s)`);
    const ratio = s / p;
    console.log(`  ratio service / plain insert             : ${ratio.toFixed(2)}×  (goal ≤ 1.5×: ${ratio <= 1.5 ? "met" : "NOT met"})`);
    const spent = Object.entries(phases)
      .map(([phase, ms]) => `${phase} ${(ms / rounds).toFixed(0)}`)
      .join(", ");
    console.log(`  per phase, mean ms                       : ${spent}`);
    console.log(`  rows stored                              : ${JSON.stringify(resultRows(stored))}`);
  } finally {
    await database.close();
  }
}
