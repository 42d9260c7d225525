import { asc, gt, sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { auditEvents, auditPending } from "../../db/schema";
import { auditKey } from "./audit-key";
import { eventTail, GENESIS_HASH, hashEvent, sealOf } from "./chain-hash";

export interface ChainHead {
  /** Events in the log. */
  count: number;
  lastId: number;
  hash: string;
}

/** Events committed but not yet linked into the chain (link-events.ts), every one's seal intact. */
export interface PendingTail {
  pending: number;
  /** When the oldest of them was recorded: a chainer that has fallen behind shows as an old time here. */
  pendingSince: string | null;
}

export type ChainVerdict =
  | ({ ok: true; checked: number; unkeyed: number; head: ChainHead | null; hashAt?: string } & PendingTail)
  | { ok: false; checked: number; brokenAt: number; reason: "hash" | "link" }
  /**
   * A committed event waiting to be linked was edited: its seal fails. `pendingId` is its row in audit_pending (it has
   * no number in the log yet); `event` says what it claims to be, so that a reader can tell which change it was.
   */
  | { ok: false; checked: number; pendingId: number; event: PendingEventFacts; reason: "seal" };

/** What a waiting event says it records (as stored: an edited one says what the editor made it say). */
export interface PendingEventFacts {
  at: string;
  action: string;
  entity: string;
  entityId: string;
}

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
      const tail = await verifyPending(db, key, pageSize);
      if ("pendingId" in tail) return { ok: false, checked, ...tail, reason: "seal" };
      const head = checked ? { count: checked, lastId: after, hash: prev } : null;
      return { ok: true, checked, unkeyed, head, ...tail, ...(hashAt ? { hashAt } : {}) };
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

/**
 * The tail not yet in the chain: each event's seal recomputed. A database from before the chainer has no such table
 * (verify opens it without migrating): then there is no tail.
 */
async function verifyPending(
  db: Db,
  key: Buffer,
  pageSize: number,
): Promise<PendingTail | { pendingId: number; event: PendingEventFacts }> {
  if (!(await hasPendingTable(db))) return { pending: 0, pendingSince: null };
  let after = 0;
  let pending = 0;
  let pendingSince: string | null = null;
  for (;;) {
    const page = await db.select().from(auditPending).where(gt(auditPending.id, after)).orderBy(asc(auditPending.id)).limit(pageSize);
    if (page.length === 0) return { pending, pendingSince };
    for (const { id, seal, ...fields } of page) {
      if (sealOf(eventTail(fields), key) !== seal)
        return { pendingId: id, event: { at: fields.at, action: fields.action, entity: fields.entity, entityId: fields.entityId } };
      if (pendingSince === null || fields.at < pendingSince) pendingSince = fields.at;
      pending++;
      after = id;
    }
  }
}

async function hasPendingTable(db: Db): Promise<boolean> {
  const [found] = resultRows<{ name: string | null }>(await db.execute(sql`select to_regclass('audit_pending')::text as name`));
  return Boolean(found?.name);
}
