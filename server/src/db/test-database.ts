import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { type Database, openDatabase } from "./client";

/**
 * Databases for tests: a fresh in-memory PGlite always, and a fresh PostgreSQL database on the
 * server of TEST_DATABASE_URL when it is set (one suite, several drivers, as drizzle-orm's integration tests run).
 */
export const TEST_ENGINES: Array<"pglite" | "postgres"> = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/**
 * The migrated templates the test projects' global setup made (server/test/database-template.ts): a dumped PGlite
 * data folder, and a database on TEST_DATABASE_URL's server. Running every migration costs seconds per database;
 * a copy of the migrated one costs a fraction of that. Unset (a run without the global setup), each database
 * migrates from empty as before.
 */
export const PGLITE_TEMPLATE_VARIABLE = "XUEJI_TEST_PGLITE_TEMPLATE";
export const POSTGRES_TEMPLATE_VARIABLE = "XUEJI_TEST_POSTGRES_TEMPLATE";

/** The dump, read once per worker (a Blob does not change): each database loads its own copy of it into memory. */
let pgliteTemplate: { path: string; dump: Blob } | undefined;
function pgliteTemplateDump(): Blob | undefined {
  const path = process.env[PGLITE_TEMPLATE_VARIABLE];
  if (!path) return undefined;
  if (pgliteTemplate?.path !== path) pgliteTemplate = { path, dump: new Blob([new Uint8Array(readFileSync(path))]) };
  return pgliteTemplate.dump;
}

/** A throwaway database: in-memory PGlite, or a new database on the PostgreSQL server of `serverUrl`. */
export async function openScratchDatabase(
  engine: "pglite" | "postgres",
  serverUrl = process.env.TEST_DATABASE_URL as string,
): Promise<Database> {
  // Still migrated on open: a template older than the migrations would be brought up to date, not trusted.
  if (engine === "pglite") return openDatabase({ loadDataDir: pgliteTemplateDump() });
  const name = `xueji_scratch_${randomBytes(6).toString("hex")}`;
  // The template lives on TEST_DATABASE_URL's server; another server (a benchmark's) starts empty.
  const template = serverUrl === process.env.TEST_DATABASE_URL ? process.env[POSTGRES_TEMPLATE_VARIABLE] : undefined;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 25 });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const openTestDatabase = (engine: "pglite" | "postgres") => openScratchDatabase(engine);
