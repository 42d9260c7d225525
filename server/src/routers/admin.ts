import { desc, lt } from "drizzle-orm";
import { z } from "zod";
import { auditEvents } from "../db/schema";
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
});
