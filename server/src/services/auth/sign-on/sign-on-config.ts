/**
 * Campus sign-on (统一身份认证), configured from the environment like the rest of the server
 * (docs/operations.md). Nothing set: passwords only, as before.
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

const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt"] as const;

export function readSignOnConfig(env: NodeJS.ProcessEnv = process.env): SignOnConfig {
  const config: SignOnConfig = { passwords: env.XUEJI_PASSWORD_SIGN_IN === "administrators" ? "administrators" : "all" };
  if (env.XUEJI_PASSWORD_SIGN_IN && !["all", "administrators"].includes(env.XUEJI_PASSWORD_SIGN_IN))
    throw new Error(`XUEJI_PASSWORD_SIGN_IN must be "all" or "administrators", not "${env.XUEJI_PASSWORD_SIGN_IN}"`);
  if (env.XUEJI_SIGN_ON_CONTACT) config.contact = env.XUEJI_SIGN_ON_CONTACT;
  if (env.XUEJI_CAS_URL) {
    const version = env.XUEJI_CAS_VERSION ?? "3";
    if (version !== "2" && version !== "3") throw new Error(`XUEJI_CAS_VERSION must be 2 or 3, not "${version}"`);
    config.cas = {
      url: env.XUEJI_CAS_URL.replace(/\/+$/, ""),
      version: version === "2" ? 2 : 3,
      ...(env.XUEJI_CAS_ID_ATTRIBUTE ? { idAttribute: env.XUEJI_CAS_ID_ATTRIBUTE } : {}),
    };
  }
  if (env.XUEJI_OIDC_ISSUER) {
    const { XUEJI_OIDC_CLIENT_ID: clientId, XUEJI_OIDC_CLIENT_SECRET: clientSecret } = env;
    if (!clientId || !clientSecret) throw new Error("XUEJI_OIDC_ISSUER needs XUEJI_OIDC_CLIENT_ID and XUEJI_OIDC_CLIENT_SECRET");
    const authMethod = (env.XUEJI_OIDC_AUTH_METHOD ?? "client_secret_basic") as OidcConfig["authMethod"];
    if (!AUTH_METHODS.includes(authMethod)) throw new Error(`XUEJI_OIDC_AUTH_METHOD must be one of ${AUTH_METHODS.join(", ")}`);
    config.oidc = {
      issuer: env.XUEJI_OIDC_ISSUER,
      clientId,
      clientSecret,
      authMethod,
      idTokenAlg: env.XUEJI_OIDC_ID_TOKEN_ALG ?? "RS256",
      scope: env.XUEJI_OIDC_SCOPE ?? "openid profile",
      idClaim: env.XUEJI_OIDC_ID_CLAIM ?? "sub",
    };
  }
  return config;
}
