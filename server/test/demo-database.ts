import { todayInChina } from "../src/clock";
import { type Database, openDatabase } from "../src/db/client";
import { seedDemo } from "../src/demo/seed-demo";

/**
 * The demo university on a fresh in-memory PGlite, as of `today` (the server's day unless a test sets its
 * clock). Each test file builds its own: PGlite 0.5's `dumpDataDir` of an in-memory database does not bring
 * its tables back through `loadDataDir`, so the demo cannot be built once and copied.
 */
export async function openDemoDatabase(today: string = todayInChina()): Promise<Database> {
  const database = await openDatabase();
  await seedDemo(database.db, { today });
  return database;
}
