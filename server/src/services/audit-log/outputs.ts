import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { auditEvents } from "../../db/schema";
import { pageOutput } from "../paging";
import { openJson } from "../wire-values";

/** What these procedures send, field by field (services/wire-values.ts: why named, never whole rows). */

/** An audit event, its before/after masked by role in the service. */
export const auditEventOutput = createSelectSchema(auditEvents, { before: openJson.nullable(), after: openJson.nullable() }).pick({
  id: true,
  at: true,
  userId: true,
  role: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  requestId: true,
  prevHash: true,
  hash: true,
});

/** The audit log checked as `xueji audit verify` does: the chain, then against the newest signed checkpoint. */
export const chainVerdictOutput = z.union([
  z.object({
    ok: z.literal(true),
    checked: z.number(),
    unkeyed: z.number(),
    checkpoint: z.object({ at: z.string(), count: z.number() }).nullable(),
    /** Committed events the chainer has yet to link, and when the oldest was recorded. */
    pending: z.number(),
    pendingSince: z.string().nullable(),
  }),
  z.object({ ok: z.literal(false), checked: z.number(), brokenAt: z.number(), reason: z.enum(["hash", "link"]) }),
  z.object({
    ok: z.literal(false),
    checked: z.number(),
    pendingId: z.number(),
    event: z.object({ at: z.string(), action: z.string(), entity: z.string(), entityId: z.string() }),
    reason: z.literal("seal"),
  }),
  z.object({
    ok: z.literal(false),
    checked: z.number(),
    reason: z.literal("shorter"),
    expected: z.number(),
    found: z.number(),
    checkpointAt: z.string(),
  }),
  z.object({ ok: z.literal(false), checked: z.number(), reason: z.literal("rewritten"), expected: z.number(), checkpointAt: z.string() }),
  // The file's path stays on the server: the dashboard only says that the checkpoint fails its signature.
  z.object({ ok: z.literal(false), checked: z.number(), reason: z.literal("checkpoint"), otherKey: z.boolean() }),
]);

/** The audit search's events: before/after masked by z.enum(ROLES) in the service, like `auditLog.list`. */
export const auditSearchOutput = pageOutput(
  z.object({
    id: z.number(),
    at: z.string(),
    userId: z.number().nullable(),
    actor: z.string().nullable(),
    username: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: openJson.nullable(),
    after: openJson.nullable(),
    requestId: z.string().nullable(),
    hash: z.string(),
  }),
);

export const auditFacetsOutput = z.object({
  actions: z.array(z.string()),
  entities: z.array(z.string()),
  actors: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string() })),
});
