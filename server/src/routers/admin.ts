import { z } from "zod";
import { listEvents } from "../services/audit-log/list-events";
import { verifyChain } from "../services/audit-log/verify-chain";
import { pageInput } from "../services/paging";
import { procedureFor, router } from "../trpc";

export const auditLogRouter = router({
  list: procedureFor("auditLog.read")
    .input(pageInput)
    .query(({ ctx, input }) => listEvents(ctx.db, ctx.viewer, input)),
  verify: procedureFor("auditLog.read").query(({ ctx }) => verifyChain(ctx.db)),
});
