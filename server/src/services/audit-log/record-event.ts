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
// Serialises appends so that each event links to the one really before it, across processes.
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
  const body = canonicalJson([
    e.prevHash,
    e.at,
    e.userId,
    e.role,
    e.action,
    e.entity,
    e.entityId,
    e.before ?? null,
    e.after ?? null,
    e.requestId,
  ]);
  return (key ? createHmac("sha256", key) : createHash("sha256")).update(body).digest("hex");
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
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const rows = inputs.map((input) => {
    const fields: HashedFields = {
      at,
      userId: actor.userId,
      role: actor.role,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      before: input.before ?? null,
      after: input.after ?? null,
      requestId: actor.requestId,
      prevHash,
    };
    prevHash = hashEvent(fields);
    return { ...fields, hash: prevHash };
  });
  for (let i = 0; i < rows.length; i += EVENTS_PER_INSERT) await tx.insert(auditEvents).values(rows.slice(i, i + EVENTS_PER_INSERT));
}
