import { asc, gt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditEvents } from "../../db/schema";
import { auditKey } from "./audit-key";
import { GENESIS_HASH, hashEvent } from "./record-event";

export interface ChainHead {
  /** Events in the log. */
  count: number;
  lastId: number;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; checked: number; unkeyed: number; head: ChainHead | null; hashAt?: string }
  | { ok: false; checked: number; brokenAt: number; reason: "hash" | "link" };

/**
 * Walks the audit log in order and recomputes every hash: an edited event fails its own hash, a
 * deleted or inserted one breaks the link to its neighbour. Names the first broken event.
 *
 * Plain SHA-256 events (written before the key) are accepted only before the first keyed one, and
 * only as many as `maxUnkeyed` (the count a signed checkpoint pinned): without that bound an
 * attacker could recompute the WHOLE chain as plain SHA-256 and pass it off as history from before
 * the key. `hashAt` is the hash of the n-th event when asked, to compare with a checkpoint.
 */
export async function verifyChain(
  db: Db,
  options: { key?: Buffer; hashAt?: number; maxUnkeyed?: number; pageSize?: number } = {},
): Promise<ChainVerdict> {
  const maxUnkeyed = options.maxUnkeyed ?? Number.POSITIVE_INFINITY;
  const key = options.key ?? auditKey();
  const pageSize = options.pageSize ?? 2000;
  let prev = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  let unkeyed = 0;
  let keyedSeen = false;
  let hashAt: string | undefined;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.id, after)).orderBy(asc(auditEvents.id)).limit(pageSize);
    if (page.length === 0) {
      const head = checked ? { count: checked, lastId: after, hash: prev } : null;
      return { ok: true, checked, unkeyed, head, ...(hashAt ? { hashAt } : {}) };
    }
    for (const e of page) {
      if (e.prevHash !== prev) return { ok: false, checked, brokenAt: e.id, reason: "link" };
      if (hashEvent(e, key) === e.hash) keyedSeen = true;
      else if (!keyedSeen && unkeyed < maxUnkeyed && hashEvent(e, null) === e.hash) unkeyed++;
      else return { ok: false, checked, brokenAt: e.id, reason: "hash" };
      prev = e.hash;
      after = e.id;
      checked++;
      if (checked === options.hashAt) hashAt = e.hash;
    }
  }
}
