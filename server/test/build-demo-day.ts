import { readFileSync } from "node:fs";
import { openDatabase } from "../src/db/client";
import { createPglite } from "../src/db/pglite";
import { seedDemo } from "../src/demo/seed-demo";

/**
 * One day of the demo, built in a process of its own (`tsx build-demo-day.ts <data folder> <day> [template]`) so
 * that the test run's global setup builds its days side by side, while Vite builds the front-ends
 * (server/test/demo-database.ts). The audit key comes in XUEJI_AUDIT_KEY.
 *
 * Started from the migrated template when there is one (server/test/database-template.ts): PGlite's first start
 * in an empty folder (initdb) and every migration cost some eight CPU seconds a day, which a copy does not.
 */
const [folder, today, template] = process.argv.slice(2);
if (!folder || !today) throw new Error("usage: build-demo-day.ts <data folder> <day> [template dump]");
if (template) {
  const copy = createPglite({ dataDir: folder, loadDataDir: new Blob([new Uint8Array(readFileSync(template))]) });
  await copy.waitReady;
  await copy.close();
}
// Migrated on open all the same: a template older than the migrations is brought up to date, not trusted.
const database = await openDatabase({ dataDir: folder });
await seedDemo(database.db, { today });
await database.close();
