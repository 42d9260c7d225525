import { z } from "zod";
import { listEvents } from "../services/audit-log/list-events";
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
});
