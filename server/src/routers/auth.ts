import { PASSWORD_MAX } from "@xueji/shared";
import { z } from "zod";
import { changePassword } from "../services/auth/change-password";
import { sessionOutput, sessionUserOutput } from "../services/auth/outputs";
import { endSession } from "../services/auth/sessions";
import { signIn } from "../services/auth/sign-in";
import { providerLogout } from "../services/auth/sign-on/provider-logout";
import { redeemHandoff } from "../services/auth/sign-on/sign-on";
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
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => {
      const { framed, ...credentials } = input;
      const session = await signIn(ctx.db, {
        ...credentials,
        address: ctx.address,
        requestId: ctx.requestId,
        passwords: ctx.signOn?.passwords ?? "all",
      });
      ctx.setSessionCookie?.(session.token, session.expiresAt, framed);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.user };
    }),
  /** What the sign-in page offers: the campus sign-on buttons, and whether passwords are for everyone. */
  signOnOptions: publicProcedure
    .output(
      z.object({
        cas: z.boolean(),
        oidc: z.boolean(),
        passwords: z.enum(["all", "administrators"]),
        contact: z.string().nullable(),
      }),
    )
    .query(({ ctx }) => ({
      cas: !!ctx.signOn?.cas,
      oidc: !!ctx.signOn?.oidc,
      passwords: ctx.signOn?.passwords ?? "all",
      contact: ctx.signOn?.contact ?? null,
    })),
  /** The task pane's end of a campus sign-on: the one-time code its sign-on window handed it becomes a session. */
  redeemSignOn: publicProcedure
    .input(z.object({ code: z.string().min(1).max(100), framed: z.boolean().optional() }))
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => {
      const session = await redeemHandoff(ctx.db, input.code, { address: ctx.address, requestId: ctx.requestId });
      // The pane's session is the HttpOnly cookie on its origin (framed by Office or WPS), as for a password sign-in.
      ctx.setSessionCookie?.(session.token, session.expiresAt, input.framed);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.user };
    }),
  /**
   * Ends the session; a session opened by OIDC also gets the provider's logout address (RP-initiated
   * logout), where the browser goes next so that the portal's session ends too.
   */
  signOut: sessionProcedure.output(z.object({ ok: z.literal(true), logoutUrl: z.string().nullable() })).mutation(async ({ ctx }) => {
    let logoutUrl: string | null = null;
    if (ctx.token) {
      logoutUrl = await providerLogout(ctx.db, ctx.token, ctx.signOn, ctx.origin);
      await endSession(ctx.db, ctx.token);
    }
    ctx.setSessionCookie?.(null);
    return { ok: true as const, logoutUrl };
  }),
  me: sessionProcedure.output(sessionUserOutput).query(({ ctx }) => ctx.user),
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
