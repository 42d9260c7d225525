import { ROLES } from "@xueji/shared";
import { z } from "zod";
import { idInput, textInput } from "../inputs/inputs";
import { createUser, endSessions, listUsers, resetPassword, setDisabled } from "../services/auth/manage-users";
import { userListItem } from "../services/auth/outputs";
import { DEFAULT_PAGE, pageInput, pageOutput } from "../services/paging";
import { procedureFor, router } from "../trpc";

const userId = z.object({ userId: idInput });
// At least 10 characters: the passphrase advice of NIST SP 800-63B (length over composition rules).
const password = textInput(200, 10);
const sessionsEnded = z.object({ userId: z.number(), sessionsEnded: z.number() });

/** Accounts, for administrators only; every change writes an audit event. */
export const usersRouter = router({
  list: procedureFor("users.manage")
    .input(pageInput.optional())
    .output(pageOutput(userListItem))
    .query(({ ctx, input }) => listUsers(ctx.db, input ?? { limit: DEFAULT_PAGE })),
  create: procedureFor("users.manage")
    .input(
      z.object({
        username: z.string().regex(/^[a-z0-9._-]{2,40}$/),
        displayName: textInput(60, 1),
        role: z.enum(ROLES),
        collegeId: idInput.nullable(),
        password,
      }),
    )
    .output(userListItem)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.viewer, input)),
  disable: procedureFor("users.manage")
    .input(userId)
    .output(userListItem)
    .mutation(({ ctx, input }) => setDisabled(ctx.db, ctx.viewer, input.userId, true)),
  enable: procedureFor("users.manage")
    .input(userId)
    .output(userListItem)
    .mutation(({ ctx, input }) => setDisabled(ctx.db, ctx.viewer, input.userId, false)),
  /** Without `password`, a temporary one is made and returned this once. */
  resetPassword: procedureFor("users.manage")
    .input(userId.extend({ password: password.optional() }))
    .output(sessionsEnded.extend({ temporaryPassword: z.string().optional() }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.viewer, input.userId, input.password)),
  endSessions: procedureFor("users.manage")
    .input(userId)
    .output(sessionsEnded)
    .mutation(({ ctx, input }) => endSessions(ctx.db, ctx.viewer, input.userId)),
});
