import { AppError, COLLEGE_ROLES, ROLES } from "@xueji/shared";
import { desc, lt } from "drizzle-orm";
import { z } from "zod";
import { auditEvents, users } from "../db/schema";
import { recordEvent } from "../services/audit-log/record-event";
import { auditFacets, searchAuditEvents } from "../services/audit-log/search-events";
import { verifyChain } from "../services/audit-log/verify-chain";
import { hashPassword } from "../services/auth/password";
import { procedureFor, router, toTrpcError } from "../trpc";

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

export const usersRouter = router({
  list: procedureFor("users.manage").query(({ ctx }) =>
    ctx.db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        collegeId: users.collegeId,
        disabled: users.disabled,
      })
      .from(users),
  ),
  create: procedureFor("users.manage")
    .input(
      z.object({
        username: z.string().regex(/^[a-z0-9._-]{2,40}$/),
        displayName: z.string().min(1).max(60),
        role: z.enum(ROLES),
        collegeId: z.number().int().positive().nullable(),
        password: z.string().min(10).max(200),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (COLLEGE_ROLES.has(input.role) !== (input.collegeId !== null)) throw toTrpcError(new AppError("college.unknown"));
      const passwordHash = await hashPassword(input.password);
      return ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(users)
          .values({ username: input.username, displayName: input.displayName, role: input.role, collegeId: input.collegeId, passwordHash })
          .returning({ id: users.id, username: users.username, role: users.role, collegeId: users.collegeId });
        await recordEvent(
          tx,
          { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId },
          { action: "user.create", entity: "user", entityId: String(created?.id), after: created },
        );
        return created;
      });
    }),
});
