import { z } from "zod";
import { checkpointDir } from "../data-paths";
import { idInput, textInput } from "../inputs/inputs";
import { verifyAuditLog } from "../services/audit-log/checkpoint";
import { listEvents } from "../services/audit-log/list-events";
import { auditEventOutput, auditFacetsOutput, auditSearchOutput, chainVerdictOutput } from "../services/audit-log/outputs";
import { auditFacets, searchAuditEvents } from "../services/audit-log/search-events";
import { pageInput, pageOutput } from "../services/paging";
import { procedureFor, router } from "../trpc";

export const auditLogRouter = router({
  list: procedureFor("auditLog.read")
    .input(pageInput)
    .output(pageOutput(auditEventOutput))
    .query(({ ctx, input }) => listEvents(ctx.db, ctx.viewer, input)),
  verify: procedureFor("auditLog.read")
    .output(chainVerdictOutput)
    .query(({ ctx }) => verifyAuditLog(ctx.db, checkpointDir())),
  /** The dashboard's audit log: filtered by actor, action, entity and China-time days, paged by cursor. */
  search: procedureFor("auditLog.read")
    .input(
      pageInput.extend({
        userId: idInput.optional(),
        action: textInput(80, 1).optional(),
        entity: textInput(80, 1).optional(),
        entityId: textInput(200, 1).optional(),
        fromDate: z.iso.date().optional(),
        toDate: z.iso.date().optional(),
      }),
    )
    .output(auditSearchOutput)
    .query(({ ctx, input }) => searchAuditEvents(ctx.db, input, ctx.user.role)),
  facets: procedureFor("auditLog.read")
    .output(auditFacetsOutput)
    .query(({ ctx }) => auditFacets(ctx.db, ctx.user.role)),
});
