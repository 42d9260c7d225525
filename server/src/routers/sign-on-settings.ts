import { z } from "zod";
import { textInput } from "../inputs/inputs";
import { AUTH_METHODS } from "../services/auth/sign-on/sign-on-config";
import { PLAIN_SIGN_ON_FIELDS, readSignOnSettings, saveSignOnSettings } from "../services/auth/sign-on/sign-on-settings";
import { procedureFor, router } from "../trpc";

const field = z.enum([
  "casUrl",
  "casVersion",
  "casIdAttribute",
  "oidcIssuer",
  "oidcClientId",
  "oidcClientSecret",
  "oidcAuthMethod",
  "oidcIdClaim",
  "passwords",
  "contact",
]);
const portalUrl = z.url({ protocol: /^https?$/ }).max(500);
const stored = z.object({
  casUrl: portalUrl.nullable(),
  casVersion: z.enum(["2", "3"]).nullable(),
  casIdAttribute: textInput(100).nullable(),
  oidcIssuer: portalUrl.nullable(),
  oidcClientId: textInput(200).nullable(),
  oidcAuthMethod: z.enum(AUTH_METHODS).nullable(),
  oidcIdClaim: textInput(100).nullable(),
  passwords: z.enum(["all", "administrators"]).nullable(),
  contact: textInput(200).nullable(),
});
const settingsOutput = z.object({
  stored: z.record(z.enum(PLAIN_SIGN_ON_FIELDS), z.string().nullable()),
  fromEnv: z.array(z.object({ field, env: z.string(), value: z.string().nullable() })),
  // Never the client secret's value: only whether there is one.
  secretSet: z.boolean(),
  active: z.object({ cas: z.boolean(), oidc: z.boolean(), passwords: z.enum(["all", "administrators"]) }),
  revision: z.number(),
});

/** Campus sign-on (统一身份认证) as the administrator sets it on the settings page; the environment wins field by field. */
export const signOnSettingsRouter = router({
  read: procedureFor("users.manage")
    .output(settingsOutput)
    .query(({ ctx }) => readSignOnSettings(ctx.db)),
  save: procedureFor("users.manage")
    .input(
      z.object({
        stored,
        clientSecret: z.union([
          z.object({ value: textInput(500, 1) }),
          z.object({ keep: z.literal(true) }),
          z.object({ clear: z.literal(true) }),
        ]),
      }),
    )
    .output(settingsOutput)
    .mutation(({ ctx, input }) => saveSignOnSettings(ctx.db, ctx.viewer, input)),
});
