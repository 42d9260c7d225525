import { AppError } from "@xueji/shared";
import { jwtVerify } from "jose";
import * as client from "openid-client";
import type { OidcConfig } from "./sign-on-config";

/** What a sign-on must keep between the redirect and the return: checked there, then forgotten. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

// Discovery once per provider and client (a failed one is tried again next time).
const discovered = new Map<string, Promise<client.Configuration>>();

function configurationOf(config: OidcConfig, insecure: boolean): Promise<client.Configuration> {
  const key = JSON.stringify([config.issuer, config.clientId, config.authMethod, config.idTokenAlg, insecure]);
  let found = discovered.get(key);
  if (!found) {
    const auth =
      config.authMethod === "client_secret_jwt"
        ? client.ClientSecretJwt(config.clientSecret)
        : config.authMethod === "client_secret_post"
          ? client.ClientSecretPost(config.clientSecret)
          : client.ClientSecretBasic(config.clientSecret);
    const execute: Array<(c: client.Configuration) => void> = [];
    // An HS* ID token is checked with the client secret below; any other with the provider's published keys.
    if (!config.idTokenAlg.startsWith("HS")) execute.push(client.enableNonRepudiationChecks);
    if (insecure) execute.push(client.allowInsecureRequests);
    found = client.discovery(
      new URL(config.issuer),
      config.clientId,
      { client_secret: config.clientSecret, id_token_signed_response_alg: config.idTokenAlg },
      auth,
      { execute, timeout: 10 },
    );
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

async function configuration(config: OidcConfig, insecure: boolean): Promise<client.Configuration> {
  try {
    return await configurationOf(config, insecure);
  } catch (error) {
    throw new AppError("auth.sign-on-unreachable", {}, `OIDC discovery ${config.issuer}: ${(error as Error).message}`);
  }
}

/** The provider's authorization URL (code flow with PKCE S256, state and nonce) and the checks to keep. */
export async function beginOidc(config: OidcConfig, redirectUri: string, insecure = false): Promise<{ url: string; checks: OidcChecks }> {
  const provider = await configuration(config, insecure);
  const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri,
    scope: config.scope,
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: "S256",
  });
  return { url: url.toString(), checks };
}

/**
 * Redeems the code the provider returned to `callbackUrl`: state, PKCE, the ID token (issuer, audience,
 * expiry, nonce, and its signature — with the client secret for HS256) and userinfo for the same
 * subject. Returns the 工号 from the configured claim (userinfo first, then the ID token).
 */
export async function finishOidc(
  config: OidcConfig,
  callbackUrl: URL,
  checks: OidcChecks,
  insecure = false,
): Promise<{ campusId: string; subject: string; idToken: string }> {
  const provider = await configuration(config, insecure);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    if (config.idTokenAlg.startsWith("HS")) {
      const key = new TextEncoder().encode(config.clientSecret);
      await jwtVerify(tokens.id_token ?? "", key, {
        algorithms: [config.idTokenAlg],
        issuer: provider.serverMetadata().issuer,
        audience: config.clientId,
      });
    }
  } catch (error) {
    throw new AppError("auth.sign-on-failed", {}, `OIDC: ${(error as Error).message}`);
  }
  const claims = tokens.claims();
  if (!claims) throw new AppError("auth.sign-on-failed", {}, "OIDC: no ID token");
  let userinfo: Record<string, unknown> = {};
  try {
    userinfo = await client.fetchUserInfo(provider, tokens.access_token, claims.sub);
  } catch (error) {
    throw new AppError("auth.sign-on-failed", {}, `OIDC userinfo: ${(error as Error).message}`);
  }
  const value = userinfo[config.idClaim] ?? claims[config.idClaim];
  if (typeof value !== "string" && typeof value !== "number")
    throw new AppError("auth.sign-on-no-id", { claim: config.idClaim }, `OIDC: no claim ${config.idClaim}`);
  return { campusId: String(value), subject: claims.sub, idToken: tokens.id_token ?? "" };
}

/**
 * OIDC RP-initiated logout: the provider's end_session_endpoint with the session's ID token as the hint
 * and where to come back to; null when the provider publishes no such endpoint (then only Xueji's
 * session ends, and the portal's stays).
 */
export async function oidcLogoutUrl(
  config: OidcConfig,
  idToken: string,
  postLogoutRedirectUri: string,
  insecure = false,
): Promise<string | null> {
  const provider = await configuration(config, insecure);
  if (!provider.serverMetadata().end_session_endpoint) return null;
  return client
    .buildEndSessionUrl(provider, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri, client_id: config.clientId })
    .toString();
}
