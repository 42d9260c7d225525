import { createHash, createHmac } from "node:crypto";
import type { Role } from "@xueji/shared";
import { desc, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { auditEvents } from "../../db/schema";
import { auditKey } from "./audit-key";
import { canonicalJson } from "./canonical-json";

export interface Actor {
  userId: number | null;
  role: Role | null;
  requestId: string | null;
}

export interface AuditEventInput {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = "0".repeat(64);
// The head of the chain: held from reading the last event's hash until this transaction commits, so that each
// event links to the one really before it, across processes (see recordEvents for when it is taken).
const CHAIN_LOCK = 727_002;

export interface HashedFields {
  at: string;
  userId: number | null;
  role: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

/**
 * The hash of an event: HMAC-SHA256 with the audit key over the event and the hash before it. Events
 * written before the key existed (before migration 0008) carry a plain SHA-256 (`key` null); they
 * stay verifiable as such, and the first keyed event links to them, so the key protects them too.
 */
export function hashEvent(e: HashedFields, key: Buffer | null = auditKey()): string {
  return linkHash(e.prevHash, eventTail(e), key);
}

/**
 * What is hashed is canonicalJson([prevHash, at, userId, role, action, entity, entityId, before, after, requestId]):
 * everything after the link is the event's own, and is written out here before the chain's head is taken.
 */
function eventTail(e: Omit<HashedFields, "prevHash">): string {
  return canonicalJson([e.at, e.userId, e.role, e.action, e.entity, e.entityId, e.before ?? null, e.after ?? null, e.requestId]).slice(1);
}

/** The hash of an event whose text after the link is `tail`: the same bytes as canonicalJson of the whole. */
function linkHash(prevHash: string, tail: string, key: Buffer | null): string {
  return (key ? createHmac("sha256", key) : createHash("sha256")).update(`[${JSON.stringify(prevHash)},${tail}`).digest("hex");
}

/** Appends an audit event in the caller's transaction, chained to the previous one. */
export async function recordEvent(tx: Executor, actor: Actor, input: AuditEventInput): Promise<void> {
  await recordEvents(tx, actor, [input]);
}

/** Rows per insert statement: 11 parameters each, well under PostgreSQL's 65 535. */
const EVENTS_PER_INSERT = 1000;

/**
 * Appends several audit events, in order, in the caller's transaction: the same events `recordEvent` writes one by
 * one, each chained to the one before it, hashed here and inserted a thousand to a statement (ids follow the rows'
 * order within an insert, which is the order the chain is verified in).
 */
export async function recordEvents(tx: Executor, actor: Actor, inputs: readonly AuditEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const key = auditKey();
  const at = new Date().toISOString();
  const events = inputs.map((input) => {
    const fields = {
      at,
      userId: actor.userId,
      role: actor.role,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      before: input.before ?? null,
      after: input.after ?? null,
      requestId: actor.requestId,
    };
    return { fields, tail: eventTail(fields) };
  });
  // Everything but the link is ready; only now is the chain's head taken, and it is held until the caller's
  // transaction commits (an advisory lock cannot be let go earlier: the next event must see this one committed).
  // Concurrent transactions queue here, so as little as possible happens while it is held: the lock and the
  // head's read go in one round trip (pipelined on PostgreSQL; the read is a separate statement, so it takes its
  // snapshot after the lock is granted and sees the event committed just before), then the events' links are
  // hashed and inserted. A caller records its events as its transaction's last act (a sheet's thousands of rows
  // are stored before, without the lock). A crash before commit leaves no event: the chain still ends where it did.
  const [, [last]] = await Promise.all([
    tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`),
    tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1),
  ]);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map(({ fields, tail }) => {
    const row = { ...fields, prevHash, hash: linkHash(prevHash, tail, key) };
    prevHash = row.hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += EVENTS_PER_INSERT) await tx.insert(auditEvents).values(rows.slice(i, i + EVENTS_PER_INSERT));
}
