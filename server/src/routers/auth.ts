import { z } from "zod";
import { endSession } from "../services/auth/sessions";
import { signIn } from "../services/auth/sign-in";
import { authedProcedure, publicProcedure, router } from "../trpc";

export const authRouter = router({
  signIn: publicProcedure
    .input(z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const session = await signIn(ctx.db, { ...input, address: ctx.address, requestId: ctx.requestId });
      ctx.setSessionCookie?.(session.token, session.expiresAt);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.user };
    }),
  signOut: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.token) await endSession(ctx.db, ctx.token);
    ctx.setSessionCookie?.(null);
    return { ok: true };
  }),
  me: authedProcedure.query(({ ctx }) => ctx.user),
});
