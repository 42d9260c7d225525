import type { Role } from "@xueji/shared";
import { afterCommit } from "../../db/after-commit";
import type { Executor } from "../../db/client";
import { auditPending } from "../../db/schema";
import { auditKey } from "./audit-key";
import { eventTail, sealOf } from "./chain-hash";
import { linkCommittedEvents } from "./link-events";

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

// The chain's hashing lives beside the chainer; tests and tools know it from here.
export { GENESIS_HASH, type HashedFields, hashEvent } from "./chain-hash";

/** Records an audit event in the caller's transaction; it joins the chain once the transaction commits. */
export async function recordEvent(tx: Executor, actor: Actor, input: AuditEventInput): Promise<void> {
  await recordEvents(tx, actor, [input]);
}

/** Rows per insert statement: 11 parameters each, well under PostgreSQL's 65 535. */
const EVENTS_PER_INSERT = 1000;

/**
 * Records several audit events, in order, in the caller's transaction. They are written sealed and unlinked
 * (`audit_pending`), without any lock: concurrent transactions do not wait on each other for the chain. Once the
 * transaction commits, and before the caller's `db.transaction` returns, the chainer links them (link-events.ts), in
 * the order transactions committed; a crash in between leaves them sealed for the next pass. Rolled back, they are
 * gone with everything else the transaction did.
 */
export async function recordEvents(tx: Executor, actor: Actor, inputs: readonly AuditEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const key = auditKey();
  const at = new Date().toISOString();
  const rows = inputs.map((input) => {
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
    return { ...fields, seal: sealOf(eventTail(fields), key) };
  });
  for (let i = 0; i < rows.length; i += EVENTS_PER_INSERT) await tx.insert(auditPending).values(rows.slice(i, i + EVENTS_PER_INSERT));
  await afterCommit(tx, linkCommittedEvents);
}
