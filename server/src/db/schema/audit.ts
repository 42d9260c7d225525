import { bigserial, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** What an event records, the same in the chain and while it waits to be linked (audit_pending). */
const eventColumns = () => ({
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** ISO 8601 with milliseconds, exactly as hashed. */
  at: text("at").notNull(),
  userId: integer("user_id"),
  role: text("role"),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id").notNull(),
  before: jsonb("before"),
  after: jsonb("after"),
  requestId: text("request_id"),
});

/**
 * The append-only audit log (存档): who, in which role, when, did what to which entity, with the
 * values before and after and the request that did it. Each event carries the hash of the one
 * before it, so an edited or deleted event breaks the chain (`xueji audit verify`). A trigger in
 * the migration refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    ...eventColumns(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_events_entity").on(t.entity, t.entityId)],
);

/**
 * Events committed with their transaction but not yet in the chain. A transaction writes its events here, sealed
 * (HMAC of the event alone), and takes no lock; once it has committed, the chainer (services/audit-log/link-events.ts)
 * moves them into `audit_events` in the order they committed, linking each to the one before. So transactions do not
 * queue on the chain's head, and the chain's order is the order events became true. A seal that fails stops the
 * chainer there and `xueji audit verify` names the event. A trigger in the migration refuses UPDATE.
 */
export const auditPending = pgTable("audit_pending", { ...eventColumns(), seal: text("seal").notNull() });
