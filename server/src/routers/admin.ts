import { desc, lt } from "drizzle-orm";
import { z } from "zod";
import { auditEvents } from "../db/schema";
import { auditFacets, searchAuditEvents } from "../services/audit-log/search-events";
import { verifyChain } from "../services/audit-log/verify-chain";
import { procedureFor, router } from "../trpc";

export const auditLogRouter = router({
  list: procedureFor("auditLog.read")
    .input(z.object({ before: z.number().int().optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) =>
      ctx.db
        .select()
        .from(auditEvents)
        .where(input.before ? lt(auditEvents.id, input.before) : undefined)
        .orderBy(desc(auditEvents.id))
        .limit(input.limit),
    ),
  verify: procedureFor("auditLog.read").query(({ ctx }) => verifyChain(ctx.db)),
  /** The dashboard's audit log: filtered by actor, action, entity and China-time days, paged by cursor. */
  search: procedureFor("auditLog.read")
    .input(
      z.object({
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        userId: z.number().int().positive().optional(),
        action: z.string().min(1).max(80).optional(),
        entity: z.string().min(1).max(80).optional(),
        entityId: z.string().min(1).max(200).optional(),
        fromDate: z.iso.date().optional(),
        toDate: z.iso.date().optional(),
      }),
    )
    .query(({ ctx, input }) => searchAuditEvents(ctx.db, input)),
  facets: procedureFor("auditLog.read").query(({ ctx }) => auditFacets(ctx.db)),
});
