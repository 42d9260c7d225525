import { AppError, COLLEGE_ROLES, ROLES } from "@xueji/shared";
import { z } from "zod";
import { users } from "../db/schema";
import { listEvents } from "../services/audit-log/list-events";
import { recordEvent } from "../services/audit-log/record-event";
import { verifyChain } from "../services/audit-log/verify-chain";
import { hashPassword } from "../services/auth/password";
import { afterCursor, DEFAULT_PAGE, type Keyset, keyColumns, keysetOrder, pageInput, toPage, withoutKeys } from "../services/paging";
import { procedureFor, router, toTrpcError } from "../trpc";

export const auditLogRouter = router({
  list: procedureFor("auditLog.read")
    .input(pageInput)
    .query(({ ctx, input }) => listEvents(ctx.db, ctx.viewer, input)),
  verify: procedureFor("auditLog.read").query(({ ctx }) => verifyChain(ctx.db)),
});

const USERS_BY_ID: Keyset = { name: "users/id", parts: [{ expr: users.id, type: "int8" }], direction: "asc" };

export const usersRouter = router({
  list: procedureFor("users.manage")
    .input(pageInput.optional())
    .query(async ({ ctx, input }) => {
      const page = input ?? { limit: DEFAULT_PAGE };
      const rows = await ctx.db
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          role: users.role,
          collegeId: users.collegeId,
          disabled: users.disabled,
          ...keyColumns(USERS_BY_ID),
        })
        .from(users)
        .where(afterCursor(USERS_BY_ID, page.cursor))
        .orderBy(...keysetOrder(USERS_BY_ID))
        .limit(page.limit + 1);
      return toPage(USERS_BY_ID, rows, page.limit, withoutKeys);
    }),
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
