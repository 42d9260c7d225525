/**
 * Campus sign-on (统一身份认证), set by the administrator on the settings page (sign-on-settings.ts)
 * or from the environment like the rest of the server, which wins field by field (docs/operations.md).
 * Nothing set: passwords only, as before.
 */
export interface CasConfig {
  /** The CAS server's base, e.g. https://cas.example.edu.cn/cas (login, serviceValidate, logout hang under it). */
  url: string;
  /** 3 validates at /p3/serviceValidate (attributes returned), 2 at /serviceValidate. */
  version: 2 | 3;
  /** The CAS attribute holding the 工号; absent: the CAS user name itself is the 工号. */
  idAttribute?: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** How the client proves itself at the token endpoint. */
  authMethod: "client_secret_basic" | "client_secret_post" | "client_secret_jwt";
  /** The ID token's signature algorithm the client was registered with (HS256: signed with the client secret). */
  idTokenAlg: string;
  scope: string;
  /** The claim (ID token or userinfo) holding the 工号. */
  idClaim: string;
}

export interface SignOnConfig {
  cas?: CasConfig;
  oidc?: OidcConfig;
  /** `administrators`: only administrator accounts may still sign in with a password (the break-glass account). */
  passwords: "all" | "administrators";
  /** Whom a campus user without a Xueji account should ask, e.g. 教务处学籍科（电话 8888）. */
  contact?: string;
  /** Test-only: allow http:// portals (the in-process OIDC provider). */
  insecure?: boolean;
}

export const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt"] as const;

/**
 * The sign-on settings field by field, as the administrator stores them and as the environment gives
 * them. Each field's environment variable wins over the stored value (docs/operations.md).
 */
export const SIGN_ON_ENV = {
  casUrl: "XUEJI_CAS_URL",
  casVersion: "XUEJI_CAS_VERSION",
  casIdAttribute: "XUEJI_CAS_ID_ATTRIBUTE",
  oidcIssuer: "XUEJI_OIDC_ISSUER",
  oidcClientId: "XUEJI_OIDC_CLIENT_ID",
  oidcClientSecret: "XUEJI_OIDC_CLIENT_SECRET",
  oidcAuthMethod: "XUEJI_OIDC_AUTH_METHOD",
  oidcIdClaim: "XUEJI_OIDC_ID_CLAIM",
  passwords: "XUEJI_PASSWORD_SIGN_IN",
  contact: "XUEJI_SIGN_ON_CONTACT",
} as const;
export type SignOnField = keyof typeof SIGN_ON_ENV;
export type SignOnFields = Partial<Record<SignOnField, string>>;

/** The fields the environment sets; a value no setting could hold stops the server at start. */
export function signOnEnvFields(env: NodeJS.ProcessEnv = process.env): SignOnFields {
  const fields: SignOnFields = {};
  for (const [field, name] of Object.entries(SIGN_ON_ENV) as Array<[SignOnField, string]>) if (env[name]) fields[field] = env[name];
  if (fields.passwords && !["all", "administrators"].includes(fields.passwords))
    throw new Error(`XUEJI_PASSWORD_SIGN_IN must be "all" or "administrators", not "${fields.passwords}"`);
  if (fields.casVersion && fields.casVersion !== "2" && fields.casVersion !== "3")
    throw new Error(`XUEJI_CAS_VERSION must be 2 or 3, not "${fields.casVersion}"`);
  if (fields.oidcAuthMethod && !(AUTH_METHODS as readonly string[]).includes(fields.oidcAuthMethod))
    throw new Error(`XUEJI_OIDC_AUTH_METHOD must be one of ${AUTH_METHODS.join(", ")}`);
  return fields;
}

/**
 * The configuration the sign-on routes use, from the fields (stored ones with the environment's laid
 * over them). An OIDC portal without its client id or secret is off, as is a field no setting could hold.
 */
export function signOnConfigOf(fields: SignOnFields, env: NodeJS.ProcessEnv = process.env): SignOnConfig {
  const config: SignOnConfig = { passwords: fields.passwords === "administrators" ? "administrators" : "all" };
  if (fields.contact) config.contact = fields.contact;
  if (fields.casUrl)
    config.cas = {
      url: fields.casUrl.replace(/\/+$/, ""),
      version: fields.casVersion === "2" ? 2 : 3,
      ...(fields.casIdAttribute ? { idAttribute: fields.casIdAttribute } : {}),
    };
  const authMethod = (fields.oidcAuthMethod ?? "client_secret_basic") as OidcConfig["authMethod"];
  if (fields.oidcIssuer && fields.oidcClientId && fields.oidcClientSecret && AUTH_METHODS.includes(authMethod))
    config.oidc = {
      issuer: fields.oidcIssuer,
      clientId: fields.oidcClientId,
      clientSecret: fields.oidcClientSecret,
      authMethod,
      idTokenAlg: env.XUEJI_OIDC_ID_TOKEN_ALG ?? "RS256",
      scope: env.XUEJI_OIDC_SCOPE ?? "openid profile",
      idClaim: fields.oidcIdClaim || "sub",
    };
  return config;
}
