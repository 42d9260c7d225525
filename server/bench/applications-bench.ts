import { sql } from "drizzle-orm";
import type { Db } from "../src/db/client";
import { listApplications } from "../src/services/applications/list-applications";
import { pipelineCounts } from "../src/services/dashboard/pipeline-counts";
import { freshDatabase, seedColleges } from "./setup";
import { median, time } from "./timing";

/**
 * `total` applications in one statement, on the 20,000 students of seedColleges(…, 20, 1000): the first `open`
 * are open at one of the stages, the rest finished over the past years (the dashboard's bench uses it too).
 */
export async function insertApplications(db: Db, o: { total: number; open: number; filedBy: number }): Promise<void> {
  await db.execute(sql`
    insert into applications (type, workflow_version, student_id, college_id, reason_code, materials, changes, stage, state, version, filed_by, filed_at, submitted_on, due_on, executed_on)
    select (array['suspension','resumption','withdrawal','dismissal','change-major','demotion'])[1 + g % 6], 1,
           1 + g % 20000, 1 + (g % 20000) / 1000, '99', '[]'::jsonb, '{}'::jsonb,
           case when g <= ${o.open} then (array['draft','college','registrar-leader','execution'])[1 + g % 4] else 'effective' end,
           case when g <= ${o.open} then 'open' when g % 50 = 0 then 'rejected' else 'done' end,
           3, ${o.filedBy},
           now() - make_interval(days => (g % 2000)),
           (current_date - (g % 2000))::date, (current_date - (g % 2000) + 10)::date,
           case when g <= ${o.open} then null else (current_date - (g % 2000) + 5)::date end
    from generate_series(1, ${o.total}) g`);
  await db.execute(sql`analyze applications`);
}

/**
 * The dashboard's pipeline counts and the first page of the filtered list at 10,000 and at
 * 1,000,000 applications. The open backlog is the same in both (1,000, as at a real registrar:
 * history grows, the work in hand does not); the rest are years of finished ones. If the indexes
 * carry the queries, the large table costs little more than the small one.
 */
async function measure(total: number, open: number) {
  const database = await freshDatabase("postgres");
  if (!database) return null;
  const { db } = database;
  try {
    const [first] = await seedColleges(database, 20, 1000);
    await insertApplications(db, { total, open, filedBy: first?.userId ?? 1 });
    const today = new Date().toISOString().slice(0, 10);
    const runs = 25;
    const counts: number[] = [];
    const page: number[] = [];
    for (let i = 0; i < runs; i++) {
      counts.push(await time(() => pipelineCounts(db, { today })));
      page.push(
        await time(() =>
          listApplications(db, { today, collegeId: 1 + (i % 20), state: "open", sort: "filed", direction: "desc", limit: 50 }),
        ),
      );
    }
    return { counts: median(counts.slice(5)), page: median(page.slice(5)) };
  } finally {
    await database.close();
  }
}

export async function benchApplications(): Promise<void> {
  const small = await measure(10_000, 1000);
  const large = await measure(1_000_000, 1000);
  if (!small || !large) {
    console.log("\n## applications at 10k and 1M: skipped (PostgreSQL not reachable)");
    return;
  }
  console.log("\n## dashboard queries at 10,000 and 1,000,000 applications on postgres (median of 20; 1,000 open in both)");
  console.log(
    `  pipeline counts     : ${small.counts.toFixed(2)} ms vs ${large.counts.toFixed(2)} ms → ${(large.counts / small.counts).toFixed(2)}×  (goal < 3×)`,
  );
  console.log(
    `  first page of list  : ${small.page.toFixed(2)} ms vs ${large.page.toFixed(2)} ms → ${(large.page / small.page).toFixed(2)}×  (goal < 3×)`,
  );
}
