import { z } from "zod";
import { listEvents } from "../services/audit-log/list-events";
import { auditFacets, searchAuditEvents } from "../services/audit-log/search-events";
import { verifyChain } from "../services/audit-log/verify-chain";
import { pageInput, pageOutput } from "../services/paging";
import { procedureFor, router } from "../trpc";
import { auditEventOutput, chainVerdictOutput } from "./outputs";

export const auditLogRouter = router({
  list: procedureFor("auditLog.read")
    .input(pageInput)
    .output(pageOutput(auditEventOutput))
    .query(({ ctx, input }) => listEvents(ctx.db, ctx.viewer, input)),
  verify: procedureFor("auditLog.read")
    .output(chainVerdictOutput)
    .query(({ ctx }) => verifyChain(ctx.db)),
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
