import { ROLES } from "@xueji/shared";
import { z } from "zod";
import { createUser, endSessions, listUsers, resetPassword, setDisabled } from "../services/auth/manage-users";
import { procedureFor, router } from "../trpc";

const userId = z.object({ userId: z.number().int().positive().max(2_147_483_647) });
// At least 10 characters: the passphrase advice of NIST SP 800-63B (length over composition rules).
const password = z.string().min(10).max(200);

/** Accounts, for administrators only; every change writes an audit event. */
export const usersRouter = router({
  list: procedureFor("users.manage").query(({ ctx }) => listUsers(ctx.db)),
  create: procedureFor("users.manage")
    .input(
      z.object({
        username: z.string().regex(/^[a-z0-9._-]{2,40}$/),
        displayName: z.string().min(1).max(60),
        role: z.enum(ROLES),
        collegeId: z.number().int().positive().nullable(),
        password,
      }),
    )
    .mutation(({ ctx, input }) => createUser(ctx.db, actorOf(ctx), input)),
  disable: procedureFor("users.manage")
    .input(userId)
    .mutation(({ ctx, input }) => setDisabled(ctx.db, actorOf(ctx), input.userId, true)),
  enable: procedureFor("users.manage")
    .input(userId)
    .mutation(({ ctx, input }) => setDisabled(ctx.db, actorOf(ctx), input.userId, false)),
  /** Without `password`, a temporary one is made and returned this once. */
  resetPassword: procedureFor("users.manage")
    .input(userId.extend({ password: password.optional() }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, actorOf(ctx), input.userId, input.password)),
  endSessions: procedureFor("users.manage")
    .input(userId)
    .mutation(({ ctx, input }) => endSessions(ctx.db, actorOf(ctx), input.userId)),
});

function actorOf(ctx: { user: { id: number; role: (typeof ROLES)[number] }; requestId: string }) {
  return { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId };
}
