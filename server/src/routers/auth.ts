import { PASSWORD_MAX } from "@xueji/shared";
import { z } from "zod";
import { changePassword } from "../services/auth/change-password";
import { endSession } from "../services/auth/sessions";
import { signIn } from "../services/auth/sign-in";
import { publicProcedure, router, sessionProcedure } from "../trpc";

export const authRouter = router({
  signIn: publicProcedure
    .input(
      z.object({
        username: z.string().min(1).max(100),
        password: z.string().min(1).max(200),
        // The task pane, which Office and WPS frame: its session cookie must reach the server from inside their frame.
        framed: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { framed, ...credentials } = input;
      const session = await signIn(ctx.db, { ...credentials, address: ctx.address, requestId: ctx.requestId });
      ctx.setSessionCookie?.(session.token, session.expiresAt, framed);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.user };
    }),
  signOut: sessionProcedure.mutation(async ({ ctx }) => {
    if (ctx.token) await endSession(ctx.db, ctx.token);
    ctx.setSessionCookie?.(null);
    return { ok: true };
  }),
  me: sessionProcedure.query(({ ctx }) => ctx.user),
  /** The user's own password: the current one, a new one that meets the policy; every other session ends. */
  changePassword: sessionProcedure
    .input(
      z.object({
        current: z.string().min(1).max(PASSWORD_MAX),
        next: z
          .string()
          .min(1)
          .max(PASSWORD_MAX * 2),
      }),
    )
    .output(z.object({ sessionsEnded: z.number() }))
    .mutation(({ ctx, input }) =>
      changePassword(ctx.db, { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId }, { ...input, token: ctx.token }),
    ),
});
