import { asc, desc, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditEvents, auditPending } from "../../db/schema";
import { auditKey } from "./audit-key";
import { eventTail, GENESIS_HASH, linkHash, sealOf } from "./chain-hash";

// The chain's head: held only by the chainer, for one short transaction that links a batch of committed events.
const CHAIN_LOCK = 727_002;
/** Events linked per transaction: one insert of 11 parameters each, well under PostgreSQL's 65,535. */
const BATCH = 1000;

export interface LinkOutcome {
  /** Events moved into the chain. */
  linked: number;
  /** A committed event whose seal fails (edited after its commit): left unlinked, with every event after it. */
  refused: number | null;
}

/**
 * The chainer: moves every committed, sealed event from `audit_pending` into `audit_events`, in the order they
 * committed (a pending event's id is drawn in its transaction, but only committed ones are seen, so an event is linked
 * after every event committed before the pass), each linked to the one before. Any process may run it: the chain's
 * head is an advisory lock, taken with the head and the batch read in one round trip; the batch's snapshot is taken
 * after the lock is granted, so it sees the events the previous pass left. A seal that fails stops the pass there:
 * nothing after it is linked until someone looks (`xueji audit verify` names it).
 */
export async function linkPendingEvents(db: Db, key: Buffer = auditKey()): Promise<LinkOutcome> {
  let linked = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const [, [last], pending] = await Promise.all([
        tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`),
        tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1),
        tx.select().from(auditPending).orderBy(asc(auditPending.id)).limit(BATCH),
      ]);
      let prevHash = last?.hash ?? GENESIS_HASH;
      const rows: (typeof auditEvents.$inferInsert)[] = [];
      let refused: number | null = null;
      for (const { id, seal, ...fields } of pending) {
        const tail = eventTail(fields);
        if (sealOf(tail, key) !== seal) {
          refused = id;
          break;
        }
        const hash = linkHash(prevHash, tail, key);
        rows.push({ ...fields, prevHash, hash });
        prevHash = hash;
      }
      if (rows.length) {
        // Ids follow the rows' order within one insert: the order the chain is verified in.
        const moved = pending.slice(0, rows.length).map((p) => p.id);
        await Promise.all([tx.insert(auditEvents).values(rows), tx.delete(auditPending).where(inArray(auditPending.id, moved))]);
      }
      return { read: pending.length, linked: rows.length, refused };
    });
    linked += batch.linked;
    if (batch.refused !== null) return { linked, refused: batch.refused };
    if (batch.read < BATCH) return { linked, refused: null };
  }
}

/** Per database: the pass running now, and the one that will run after it for those who came during it. */
interface Chainer {
  running: Promise<void> | null;
  next: Promise<void> | null;
}
const chainers = new WeakMap<Db, Chainer>();

/**
 * Links the events of a transaction that has just committed (recordEvents gives it to afterCommit). Callers at the
 * same moment share a pass: one running already started before their commit may not see it, so they wait for the one
 * after it, which all of them share; so twenty requests finishing together take two or three passes, not twenty.
 * Never throws: the events are committed either way, and a pass that fails leaves them sealed for the next one (any
 * later event's, in any process, or the audit checkpoint's job).
 */
export function linkCommittedEvents(db: Db): Promise<void> {
  const c = chainers.get(db) ?? { running: null, next: null };
  chainers.set(db, c);
  const pass = (): Promise<void> => {
    const running = linkPendingEvents(db).then(
      (outcome) => {
        if (outcome.refused !== null)
          process.emitWarning(`audit event ${outcome.refused} waiting to be linked fails its seal: run xueji audit verify`);
      },
      (error: unknown) => process.emitWarning(`audit events not yet linked (the next pass will): ${String(error)}`),
    );
    c.running = running;
    void running.then(() => {
      if (c.running === running) c.running = null;
    });
    return running;
  };
  if (!c.running) return pass();
  c.next ??= c.running.then(() => {
    c.next = null;
    return pass();
  });
  return c.next;
}
