import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { todayInChina } from "../src/clock";
import { type Database, openDatabase } from "../src/db/client";
import { PGLITE_TEMPLATE_VARIABLE } from "../src/db/test-database";
import { seedDemo } from "../src/demo/seed-demo";

/**
 * The folder holding the built demo, one PGlite data folder per day: set by the e2e project's global setup
 * (test/global-setup.ts) once the days are built, before any worker starts; read by the workers.
 */
export const DEMO_FOLDER_VARIABLE = "XUEJI_TEST_DEMO_FOLDER";

const ROOT = join(import.meta.dirname, "../..");
/** Kept between runs, like the front-ends' `dist/`: the demo is rebuilt only when what makes it has changed. */
export const DEMO_CACHE = join(ROOT, "node_modules/.cache/xueji-demo");
/** What the demo is made of: the server (its services seed it), its migrations, the shared domain, the lockfile. */
const DEMO_SOURCES = ["server/src", "server/drizzle", "shared/src", "pnpm-lock.yaml"].map((path) => join(ROOT, path));
const STAMP = "built-at";
const BUILD_DAY = join(import.meta.dirname, "build-demo-day.ts");
/**
 * The audit chain's key the demo was built with, beside the day folders: the workers chain with it too
 * (XUEJI_AUDIT_KEY), or the demo's audit log would not verify in a copy (a process without a key has a
 * random one of its own).
 */
const AUDIT_KEY = "audit.key";

/**
 * The run's day, as the e2e project's global setup fixed it before any worker started: every file opens the demo
 * and serves it as of this day, so that a run that crosses midnight in China (16:00 UTC) does not open a demo
 * built for one day on a server living the next. Outside such a run, today.
 */
export const RUN_DAY_VARIABLE = "XUEJI_TEST_TODAY";
export const runDay = (): string => process.env[RUN_DAY_VARIABLE] ?? todayInChina();

/**
 * The days the e2e files open the demo on: the run's day, and the fixed days of the files whose story
 * needs one (a registrar year walked from week 2 of the autumn term; the graduation day of the 2023 cohort).
 * A day not listed still works: that file builds its own.
 */
export const DEMO_DAYS = (): string[] => [runDay(), "2026-09-08", "2027-06-20"];

const dayFolder = (folder: string, today: string) => join(folder, today);

/**
 * Builds the demo for each day into `folder` (days no longer asked for removed), each a PGlite data folder closed
 * cleanly so that a copy of it opens as the same database; a day built since the sources last changed is kept.
 * (An in-memory PGlite cannot serve: PGlite 0.5's `dumpDataDir` of one does not bring its tables back through
 * `loadDataDir`.)
 */
export async function buildDemoFolders(folder: string, days: string[], log: (line: string) => void): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const keyFile = join(folder, AUDIT_KEY);
  // A new key: the days built with the old one (or none) go.
  const fresh = !existsSync(keyFile);
  if (fresh) writeFileSync(keyFile, randomBytes(32).toString("hex"), { mode: 0o600 });
  // The demo is chained with the cache's key while it is built, and only then: the global setup's environment
  // is every worker's, and a test of another project (the first start's key file, say) must not find it set.
  const before = process.env.XUEJI_AUDIT_KEY;
  process.env.XUEJI_AUDIT_KEY = readFileSync(keyFile, "utf8").trim();
  try {
    await buildDays(folder, days, fresh, log);
  } finally {
    if (before === undefined) delete process.env.XUEJI_AUDIT_KEY;
    else process.env.XUEJI_AUDIT_KEY = before;
  }
}

async function buildDays(folder: string, days: string[], fresh: boolean, log: (line: string) => void): Promise<void> {
  const changed = Math.max(...DEMO_SOURCES.filter(existsSync).map(newestSource));
  for (const entry of readdirSync(folder))
    if (entry !== AUDIT_KEY && !entry.startsWith(".") && (fresh || !days.includes(entry)))
      rmSync(join(folder, entry), { recursive: true, force: true });
  const stale = [...new Set(days)].filter((today) => {
    const stamp = join(dayFolder(folder, today), STAMP);
    return !existsSync(stamp) || statSync(stamp).mtimeMs <= changed;
  });
  // Each day in a process of its own, all at once (three days; PGlite's seeding is one thread each): with the
  // front-ends' Vite builds beside them, the cores stay busy until the last day is done, where two at a time left
  // the third seeding alone on one core.
  await Promise.all(stale.map((today) => buildDay(folder, today, log)));
}

/** One day, built aside (server/test/build-demo-day.ts) and moved in whole: a run stopped half-way leaves no folder that looks built. */
async function buildDay(folder: string, today: string, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const target = dayFolder(folder, today);
  const building = mkdtempSync(join(folder, ".building-"));
  const template = process.env[PGLITE_TEMPLATE_VARIABLE];
  const child = spawn(process.execPath, ["--import", "tsx", BUILD_DAY, building, today, ...(template ? [template] : [])], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const [code, signal] = (await once(child, "exit")) as [number | null, string | null];
  if (code !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(`演示大学（${today}）未能建成（demo day not built）: exit ${code ?? signal}`);
  }
  writeFileSync(join(building, STAMP), new Date().toISOString());
  rmSync(target, { recursive: true, force: true });
  renameSync(building, target);
  log(`演示大学（${today}）已建好，用时 ${Math.round((Date.now() - started) / 1000)} 秒`);
}

/** The newest modification time of the sources under a path; tests (which do not seed the demo) left out. */
function newestSource(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((entry) => newestSource(join(path, entry))));
}

/**
 * A copy of the demo the global setup built for `today`, in a scratch folder of the caller's (removed by them), or
 * undefined where there is none (a day not built, a run outside the e2e project). The worker chains with the demo's
 * audit key from then on, so that the copy's audit log verifies.
 */
export function copyBuiltDemo(today: string): string | undefined {
  const folder = process.env[DEMO_FOLDER_VARIABLE];
  const built = folder ? dayFolder(folder, today) : undefined;
  if (!built || !existsSync(built)) return undefined;
  process.env.XUEJI_AUDIT_KEY = readFileSync(join(folder as string, AUDIT_KEY), "utf8").trim();
  const copy = mkdtempSync(join(tmpdir(), "xueji-demo-copy-"));
  cpSync(built, copy, { recursive: true });
  return copy;
}

/**
 * The demo university as of `today` (the run's day unless a test sets its clock), on a PGlite of the test's
 * own: a copy of the one the global setup built for that day, in a scratch folder removed on close — or, where
 * there is none, built here.
 */
export async function openDemoDatabase(today: string = runDay()): Promise<Database> {
  const copy = copyBuiltDemo(today);
  if (!copy) {
    const database = await openDatabase();
    await seedDemo(database.db, { today });
    return database;
  }
  const database = await openDatabase({ dataDir: copy });
  return {
    ...database,
    async close() {
      await database.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
