import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { migrationsFolder, openDatabase } from "../src/db/client";
import { createPglite } from "../src/db/pglite";
import { PGLITE_TEMPLATE_VARIABLE, POSTGRES_TEMPLATE_VARIABLE } from "../src/db/test-database";

const ROOT = join(import.meta.dirname, "../..");
/** Kept between runs, like the demo's cache: made again only when the migrations or PGlite change. */
const TEMPLATE_CACHE = join(ROOT, "node_modules/.cache/xueji-template");

/** How the dump below is made: a change to it is a new template, as a new migration is. */
const DUMP_FORMAT = "without template0 and template1";

/** What a migrated database is made of: every migration file, and the PGlite build (its data folder's format). */
function templateKey(): string {
  const hash = createHash("sha256").update(DUMP_FORMAT);
  for (const file of readdirSync(migrationsFolder, { recursive: true, encoding: "utf8" }).sort()) {
    const path = join(migrationsFolder, file);
    if (!file.endsWith(".sql") && !file.endsWith(".json")) continue;
    hash.update(file).update(readFileSync(path));
  }
  const pglite = join(import.meta.dirname, "../node_modules/@electric-sql/pglite/package.json");
  hash.update(existsSync(pglite) ? JSON.parse(readFileSync(pglite, "utf8")).version : "");
  return hash.digest("hex").slice(0, 16);
}

/**
 * Migrates one PGlite and one PostgreSQL database (when TEST_DATABASE_URL is set) and tells the workers where they
 * are, through the variables `openScratchDatabase` reads (server/src/db/test-database.ts). Every test database is
 * then a copy of them, still isolated: PGlite loads the dump into memory of its own, PostgreSQL makes a new database
 * with the template as `CREATE DATABASE … TEMPLATE`.
 */
export async function prepareDatabaseTemplates(log: (line: string) => void): Promise<void> {
  const key = templateKey();
  process.env[PGLITE_TEMPLATE_VARIABLE] = await pgliteTemplate(key, log);
  if (process.env.TEST_DATABASE_URL)
    process.env[POSTGRES_TEMPLATE_VARIABLE] = await postgresTemplate(process.env.TEST_DATABASE_URL, key, log);
}

/**
 * A dump of a migrated PGlite data folder. Dumped from a folder closed and opened again, as the demo's copies are
 * (server/test/demo-database.ts): PGlite 0.5's dump of an in-memory database does not bring its tables back.
 *
 * Without the databases template0 and template1: every test file unpacks the dump into a PGlite of its own, and
 * they were half its files and a third of its bytes (a fifth of the CPU a PGlite takes to open from it). Nothing
 * makes a database inside a test's PGlite; the PostgreSQL template keeps its server's.
 */
async function pgliteTemplate(key: string, log: (line: string) => void): Promise<string> {
  const target = join(TEMPLATE_CACHE, `pglite-${key}.tar`);
  if (existsSync(target)) return target;
  const started = Date.now();
  mkdirSync(TEMPLATE_CACHE, { recursive: true });
  const folder = mkdtempSync(join(TEMPLATE_CACHE, ".building-"));
  try {
    await (await openDatabase({ dataDir: folder })).close();
    const slimmed = createPglite({ dataDir: folder });
    await slimmed.exec("update pg_database set datistemplate = false where datname in ('template0', 'template1')");
    // One statement a call: DROP DATABASE refuses to run inside a multi-statement string's transaction.
    for (const statement of ["drop database template0", "drop database template1", "checkpoint"]) await slimmed.exec(statement);
    await slimmed.close();
    const reopened = createPglite({ dataDir: folder });
    // Asked before it is ready, PGlite 0.5's dump never settles (and the process ends quietly with nothing left to do).
    await reopened.waitReady;
    const dump = await reopened.dumpDataDir("none");
    await reopened.close();
    // Written aside and moved in whole: a run stopped half-way, or another run at once, never reads half a dump.
    const building = `${target}.${randomBytes(4).toString("hex")}`;
    writeFileSync(building, Buffer.from(await dump.arrayBuffer()));
    renameSync(building, target);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  // Dumps of older migrations, and what runs stopped while building left: anything else untouched for ten minutes
  // (a run building at this moment keeps its files).
  for (const old of readdirSync(TEMPLATE_CACHE)) {
    const path = join(TEMPLATE_CACHE, old);
    if (path !== target && statSync(path).mtimeMs < Date.now() - 10 * 60_000) rmSync(path, { recursive: true, force: true });
  }
  log(`测试数据库模板（PGlite）已迁移，用时 ${Math.round((Date.now() - started) / 1000)} 秒`);
  return target;
}

/**
 * A migrated database on the server, named after the migrations it holds, so that runs of other checkouts on the
 * same server (each with its own migrations) keep theirs. Connections to it are refused once made: PostgreSQL copies
 * a template only while no one is connected to it.
 */
async function postgresTemplate(serverUrl: string, key: string, log: (line: string) => void): Promise<string> {
  const name = `xueji_template_${key}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [found] = await admin`select datallowconn from pg_database where datname = ${name}`;
    if (found && !found.datallowconn) return name;
    const started = Date.now();
    // Made under a name of its own and renamed once migrated: a run at the same time makes its own, one wins.
    const building = `xueji_template_building_${randomBytes(6).toString("hex")}`;
    await admin.unsafe(`create database ${building}`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      await (await openDatabase({ url: url.toString(), poolSize: 1 })).close();
      await admin.unsafe(`alter database ${building} with allow_connections false`);
      await admin.unsafe(`alter database ${building} rename to ${name}`).catch((error: { code?: string }) => {
        // duplicate_database: another run made it first; theirs serves as well as ours.
        if (error.code !== "42P04") throw error;
      });
    } finally {
      await admin.unsafe(`drop database if exists ${building} with (force)`);
    }
    log(`测试数据库模板（PostgreSQL）已迁移，用时 ${Math.round((Date.now() - started) / 1000)} 秒`);
    return name;
  } finally {
    await admin.end();
  }
}
