import { PGlite } from "@electric-sql/pglite";
import type { Db } from "../../db/client";

/**
 * Whether a query may run on another connection while a transaction holds one: a PostgreSQL pool of
 * more than one connection. Never PGlite, whose single connection the transaction holds — a query
 * outside it would wait for the transaction that waits for it.
 */
export function hasSecondConnection(db: Db): boolean {
  const client = (db as { $client?: unknown }).$client;
  if (!client || client instanceof PGlite) return false;
  const max = (client as { options?: { max?: unknown } }).options?.max;
  return typeof max === "number" && max > 1;
}
