import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { withCommitTasks } from "./after-commit";
import { createPglite } from "./pglite";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Either engine: every query is written once against this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  engine: "pglite" | "postgres";
  close(): Promise<void>;
}

export const migrationsFolder = join(import.meta.dirname, "../../drizzle");
// Several server processes may start at once against one PostgreSQL: one migrates, the others wait.
const MIGRATION_LOCK = 727_001;

export interface OpenOptions {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; without it the database lives in memory (tests). */
  dataDir?: string;
  /**
   * An in-memory PGlite's starting contents: a data folder dumped by `dumpDataDir` (tests start from one already
   * migrated instead of running every migration again; see server/test/database-template.ts).
   */
  loadDataDir?: Blob;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
  /** Apply pending migrations (default). `xueji audit verify` opens without, to look and not change. */
  migrate?: boolean;
}

/** Opens the database and applies any pending migrations, on either engine. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: options.poolSize ?? 10, onnotice: () => {} });
    const db = withCommitTasks(drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Db);
    if (options.migrate === false) return { db, engine: "postgres", close: () => client.end({ timeout: 5 }) };
    const lock = postgres(options.url, { max: 1, onnotice: () => {} });
    try {
      await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migratePostgres(db as never, { migrationsFolder });
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    } finally {
      await lock.end();
    }
    return { db, engine: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = createPglite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : { dataDir: options.dataDir });
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  if (options.migrate !== false) await migratePglite(db, { migrationsFolder });
  return { db: withCommitTasks(db as unknown as Db), engine: "pglite", close: () => client.close() };
}

/** The rows of a raw `execute`: PGlite returns `{ rows }`, postgres-js an array. */
export function resultRows<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}
