import type { Db } from "../../../db/client";
import { oidcLogoutUrl } from "./oidc";
import { sessionIdToken } from "./sign-on";
import type { SignOnConfig } from "./sign-on-config";

/**
 * Where the browser goes after signing out of a session that OIDC opened: the provider's
 * end_session_endpoint, returning to the sign-in page. Null for a password or CAS session, without
 * OIDC configured, or when the provider offers no logout (or cannot be reached: Xueji's own session
 * ends regardless, and a sign-out must never fail for the portal's sake).
 */
export async function providerLogout(
  db: Db,
  token: string,
  config: SignOnConfig | undefined,
  origin: string | undefined,
): Promise<string | null> {
  if (!config?.oidc || !origin) return null;
  const idToken = await sessionIdToken(db, token);
  if (!idToken) return null;
  try {
    return await oidcLogoutUrl(config.oidc, idToken, `${origin}/`, config.insecure);
  } catch {
    return null;
  }
}
