import { sql } from "drizzle-orm";
import { type Db, resultRows } from "../src/db/client";
import { listApplications } from "../src/services/applications/list-applications";
import { pipelineCounts } from "../src/services/dashboard/pipeline-counts";
import { sheetProgress } from "../src/services/dashboard/sheet-progress";
import { standingByCollege } from "../src/services/insights/standing-by-college";
import { searchStudents } from "../src/services/students/search-students";
import { insertApplications } from "./applications-bench";
import { freshDatabase, NAMES, seedColleges } from "./setup";
import { median, time } from "./timing";

/**
 * A province's worth of data on PostgreSQL (PGlite is the one-college engine): `applications` over the
 * years on the 20,000 students of seedColleges, and `students` more students made by one generate_series
 * statement — 学号 2026CCNNNNNNN, names of a common surname and two of ten characters, their 拼音首字母.
 * Sizes are parameters (BENCH_PROVINCE_APPLICATIONS, BENCH_PROVINCE_STUDENTS): the full 10,000,000 takes
 * long to generate on a small machine, and the figures say at which size they were measured.
 */
const SURNAMES = [
  ["王", "w"],
  ["李", "l"],
  ["张", "z"],
  ["刘", "l"],
  ["陈", "c"],
  ["杨", "y"],
  ["黄", "h"],
  ["赵", "z"],
  ["吴", "w"],
  ["周", "z"],
] as const;
// The reading of each of NAMES (甲乙丙丁戊己庚辛壬癸): jia yi bing ding wu ji geng xin ren gui.
const GIVEN_INITIALS = "jybdwjgxrg";

async function insertProvinceStudents(db: Db, count: number): Promise<void> {
  const surnames = `{${SURNAMES.map(([s]) => s).join(",")}}`;
  const initials = `{${SURNAMES.map(([, i]) => i).join(",")}}`;
  const given = `{${[...NAMES].join(",")}}`;
  const givenInitials = `{${[...GIVEN_INITIALS].join(",")}}`;
  // The sequence of students goes past the seeded ones; each of 20 colleges, 4 grades.
  await db.execute(sql`
    insert into students (student_no, id_number, name, pinyin_initials, gender, birth_date, ethnicity, college_id, major_id,
      grade, level, duration, study_form, enrolment_date, expected_graduation_date, status)
    select '2026' || lpad((1 + g % 20)::text, 2, '0') || lpad(g::text, 7, '0'),
           '11010120000101' || lpad((g % 10000)::text, 4, '0'),
           (${surnames}::text[])[1 + g % 10] || (${given}::text[])[1 + (g / 10) % 10] || (${given}::text[])[1 + (g / 100) % 10],
           (${initials}::text[])[1 + g % 10] || (${givenInitials}::text[])[1 + (g / 10) % 10] || (${givenInitials}::text[])[1 + (g / 100) % 10],
           (1 + g % 2)::text, date '2005-01-01' + (g % 1000), '01', 1 + g % 20, 1 + g % 20,
           2022 + g % 4, '05', 4, '1', make_date(2022 + g % 4, 9, 1), make_date(2026 + g % 4, 6, 30),
           case when g % 40 = 0 then 'suspended' else 'enrolled' end
    from generate_series(1, ${count}) g`);
}

/**
 * Fills `table` the way a bulk load should: its indexes other than the keys dropped first and built once at
 * the end (rather than each kept up to date row by row — the trigram and name-grams indexes most of all), and,
 * when the role may, without the foreign-key triggers (session_replication_role = replica): the generated rows
 * refer only to rows the bench made. One transaction, so a failure leaves the indexes as they were.
 */
async function bulkFill(db: Db, table: "students" | "applications", fill: (tx: Db) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    const [role] = resultRows<{ superuser: boolean }>(
      await tx.execute(sql`select rolsuper as superuser from pg_roles where rolname = current_user`),
    );
    if (role?.superuser) await tx.execute(sql`set local session_replication_role = replica`);
    const indexes = resultRows<{ name: string; definition: string }>(
      await tx.execute(sql`
        select indexname as name, indexdef as definition from pg_indexes
        where schemaname = current_schema() and tablename = ${table}
          and indexname not in (select conname from pg_constraint where conrelid = ${table}::regclass)`),
    );
    for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.name}"`));
    await fill(tx as unknown as Db);
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
  });
  await db.execute(sql.raw(`analyze ${table}`));
}

const timed = async (runs: number, fn: (i: number) => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await time(() => fn(i)));
  return median(ms.slice(Math.min(3, runs - 1)));
};

/** The median and the slowest of `runs` timed calls, after 3 to warm the cache and the prepared statements. */
const timedSpread = async (runs: number, fn: (i: number) => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < runs + 3; i++) ms.push(await time(() => fn(i)));
  const kept = ms.slice(3);
  return { median: median(kept), slowest: Math.max(...kept) };
};

async function loadAverage(): Promise<string> {
  const { loadavg } = await import("node:os");
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
}

/** A database of `total` applications on the 20,000 students of seedColleges, kept open to be measured. */
async function applicationsAt(total: number) {
  const database = await freshDatabase("postgres");
  if (!database) return null;
  const [first] = await seedColleges(database, 20, 1000);
  const started = performance.now();
  await bulkFill(database.db, "applications", (tx) => insertApplications(tx, { total, open: 1000, filedBy: first?.userId ?? 1 }));
  return { database, made: performance.now() - started };
}

/**
 * The dashboard's counts and first page at both sizes, timed in turn — small, large, small, large — so that a
 * change of the machine's load during the run (other work, the large database's autovacuum) falls on both
 * alike. Each is well under a few milliseconds, mostly the client's round trip and planning: one call's time
 * moves by more than the difference between the sizes, so each is the median of 101 calls, not 20.
 */
async function dashboardAt(small: Db, large: Db) {
  const today = new Date().toISOString().slice(0, 10);
  const runs = 104;
  const ms = { small: { counts: [] as number[], page: [] as number[] }, large: { counts: [] as number[], page: [] as number[] } };
  for (let i = 0; i < runs; i++)
    for (const [size, db] of [
      ["small", small],
      ["large", large],
    ] as const) {
      ms[size].counts.push(await time(() => pipelineCounts(db, { today })));
      ms[size].page.push(
        await time(() =>
          listApplications(db, { today, collegeId: 1 + (i % 20), state: "open", sort: "filed", direction: "desc", limit: 50 }),
        ),
      );
    }
  const of = (xs: number[]) => median(xs.slice(3));
  // The plans at each size (after the timed runs: a warm cache, as the dashboard's), with their buffers: whether
  // the counts stayed on the partial index of open applications at the large size too.
  const plan = async (db: Db) =>
    resultRows<{ "QUERY PLAN": string }>(
      await db.execute(sql`explain (analyze, buffers, timing off) ${pipelineCounts(db, { today }).getSQL()}`),
    ).map((line) => line["QUERY PLAN"]);
  return {
    small: { counts: of(ms.small.counts), page: of(ms.small.page), plan: await plan(small) },
    large: { counts: of(ms.large.counts), page: of(ms.large.page), plan: await plan(large) },
  };
}

async function studentsAt(count: number) {
  const database = await freshDatabase("postgres");
  if (!database) return null;
  const { db } = database;
  try {
    const [first] = await seedColleges(database, 20, 50);
    const started = performance.now();
    await bulkFill(db, "students", (tx) => insertProvinceStudents(tx, count));
    const made = performance.now() - started;
    const today = new Date().toISOString().slice(0, 10);
    const search = (query: string) => () => searchStudents(db, { query, role: "registrar-staff", limit: 50 });
    // A 学号 prefix of one college's year, a full name (1 in 1,000 of them), 拼音首字母 (as many); then the
    // shorter names a registrar types, which have no trigram: two characters (1 in 100 of them, far more than
    // any real two-character name has) and a surname (1 in 10); and the broadest of each kind, which must not
    // be slow either: one letter of 拼音首字母 (2 in 10), two (2 in 100), and a 学号 prefix every student has.
    // The median and the slowest of 13: each must be quick every time, whatever plan the statistics suggest.
    const cases = [
      ["学号 prefix            ", "2026070001"],
      ["name                   ", `王${NAMES[3]}${NAMES[7]}`],
      ["拼音首字母             ", "wdx"],
      ["2 characters of a name ", `王${NAMES[3]}`],
      ["a surname              ", "王"],
      ["拼音首字母, one letter ", "w"],
      ["拼音首字母, two letters", "wd"],
      ['学号 prefix "2026"     ', "2026"],
    ] as const;
    const searches: Array<{ label: string; median: number; slowest: number }> = [];
    for (const [label, query] of cases) searches.push({ label, ...(await timedSpread(13, search(query))) });
    const overview = await timed(13, async () => {
      await pipelineCounts(db, { today });
      await sheetProgress(db, { termCode: "2025-2026-1", today });
      await standingByCollege(db, { academicYear: "2025-2026" });
    });
    return { searches, overview, made, userId: first?.userId };
  } finally {
    await database.close();
  }
}

export async function benchProvince(sizes: { applications: number; students: number }): Promise<void> {
  const title = `\n## a province's data on postgres: ${sizes.applications.toLocaleString("en")} applications, ${sizes.students.toLocaleString("en")} students`;
  const small = await applicationsAt(10_000);
  if (!small) {
    console.log(`${title}: skipped (PostgreSQL not reachable; set BENCH_DATABASE_URL or TEST_DATABASE_URL)`);
    return;
  }
  let dashboard: Awaited<ReturnType<typeof dashboardAt>>;
  let made: number;
  try {
    const large = await applicationsAt(sizes.applications);
    if (!large) return;
    try {
      made = large.made;
      dashboard = await dashboardAt(small.database.db, large.database.db);
    } finally {
      await large.database.close();
    }
  } finally {
    await small.database.close();
  }
  const people = await studentsAt(sizes.students);
  if (!people) return;
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`${title} (load average ${await loadAverage()})`);
  console.log(`  generated in        : applications ${(made / 1000).toFixed(0)} s, students ${(people.made / 1000).toFixed(0)} s`);
  const countsRatio = dashboard.large.counts / dashboard.small.counts;
  const pageRatio = dashboard.large.page / dashboard.small.page;
  console.log(
    `  pipeline counts     : ${dashboard.small.counts.toFixed(2)} ms at 10,000 vs ${dashboard.large.counts.toFixed(2)} ms → ${countsRatio.toFixed(2)}×  (median of 101, in turn; goal ≤ 1.5×: ${met(countsRatio <= 1.5)})`,
  );
  console.log(
    `  first page of list  : ${dashboard.small.page.toFixed(2)} ms at 10,000 vs ${dashboard.large.page.toFixed(2)} ms → ${pageRatio.toFixed(2)}×  (median of 101, in turn; goal ≤ 1.5×: ${met(pageRatio <= 1.5)})`,
  );
  for (const [size, plan] of [
    ["10,000", dashboard.small.plan],
    [sizes.applications.toLocaleString("en"), dashboard.large.plan],
  ] as const)
    console.log(`  counts' plan at ${size}:\n${plan.map((line) => `      ${line}`).join("\n")}`);
  for (const { label, median: ms, slowest } of people.searches)
    console.log(
      `  search, ${label}: ${ms.toFixed(1)} ms median, ${slowest.toFixed(1)} ms slowest of 13  (goal ≤ 50 ms median: ${met(ms <= 50)})`,
    );
  console.log(`  registrar overview  : ${people.overview.toFixed(1)} ms median (pipeline, sheet progress, standing by college)`);
}
