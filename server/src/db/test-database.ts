import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, openDatabase } from "./client";

/**
 * Databases for tests: a fresh in-memory PGlite always, and a fresh PostgreSQL database on the
 * server of TEST_DATABASE_URL when it is set (one suite, several drivers, as drizzle-orm's integration tests run).
 */
export const TEST_ENGINES: Array<"pglite" | "postgres"> = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** A throwaway database: in-memory PGlite, or a new database on the PostgreSQL server of `serverUrl`. */
export async function openScratchDatabase(
  engine: "pglite" | "postgres",
  serverUrl = process.env.TEST_DATABASE_URL as string,
): Promise<Database> {
  if (engine === "pglite") return openDatabase();
  const name = `xueji_scratch_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database ${name}`);
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
