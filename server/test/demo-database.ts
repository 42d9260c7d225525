import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { todayInChina } from "../src/clock";
import { type Database, openDatabase } from "../src/db/client";
import { seedDemo } from "../src/demo/seed-demo";

/**
 * The demo university on a fresh in-memory PGlite, as of `today`. Building the demo imports a whole
 * university (minutes on a loaded 2-core machine), so the first test of a run that asks for a day builds it
 * and keeps the data folder as a tarball in XUEJI_DEMO_CACHE_DIR (a folder made fresh for each `vitest`
 * run by vitest.config.ts, so a changed demo is never served stale); the others open a copy of it.
 */
export async function openDemoDatabase(today: string = todayInChina()): Promise<Database> {
  const cacheDir = process.env.XUEJI_DEMO_CACHE_DIR;
  const cached = cacheDir ? join(cacheDir, `demo-${today}.tar.gz`) : undefined;
  if (cached && existsSync(cached)) return openDatabase({ loadDataDir: new Blob([readFileSync(cached)]) });
  const database = await openDatabase();
  await seedDemo(database.db, { today });
  if (cached && database.dump && cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    const tarball = Buffer.from(await (await database.dump()).arrayBuffer());
    // Written whole, then renamed: a test file starting at the same moment never reads half a tarball.
    const partial = `${cached}.${process.pid}.partial`;
    writeFileSync(partial, tarball);
    renameSync(partial, cached);
  }
  return database;
}
