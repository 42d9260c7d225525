import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Every embedded database is made here, with the extensions the migrations create (pg_trgm, for the trigram
 * index of student search): a PGlite folder whose schema uses an extension cannot be opened without it, and the
 * same migrations run on PGlite and PostgreSQL.
 */
export function createPglite(start: { dataDir?: string; loadDataDir?: Blob } = {}): PGlite {
  return new PGlite({ ...start, extensions: { pg_trgm } });
}
