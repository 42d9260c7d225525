import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, openDatabase } from "./client";

/**
 * Databases for tests: a fresh in-memory PGlite always, and a fresh PostgreSQL database on the
 * server of TEST_DATABASE_URL when it is set (STYLE.md: one suite, several drivers).
 */
export const TEST_ENGINES: Array<"pglite" | "postgres"> = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export async function openTestDatabase(engine: "pglite" | "postgres"): Promise<Database> {
  if (engine === "pglite") return openDatabase();
  const base = process.env.TEST_DATABASE_URL as string;
  const name = `xueji_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 25 });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = postgres(base, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
