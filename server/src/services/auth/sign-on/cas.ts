import { AppError } from "@xueji/shared";
import type { CasConfig } from "./sign-on-config";
import { child, parseXmlTree } from "./xml-tree";

/** CAS protocol 2.0/3.0 (Apereo): https://apereo.github.io/cas/development/protocol/CAS-Protocol-Specification.html */
const CAS_NS = "http://www.yale.edu/tp/cas";
const SAMLP_NS = "urn:oasis:names:tc:SAML:2.0:protocol";

export function casLoginUrl(config: CasConfig, service: string): string {
  const url = new URL(`${config.url}/login`);
  url.searchParams.set("service", service);
  return url.toString();
}

export function casLogoutUrl(config: CasConfig, service: string): string {
  const url = new URL(`${config.url}/logout`);
  url.searchParams.set("service", service);
  return url.toString();
}

/** The campus identity a CAS answer vouches for: the user and, from a 3.0 answer, its attributes. */
export interface CasIdentity {
  user: string;
  attributes: Record<string, string>;
}

/**
 * Asks the CAS server whether it issued `ticket` for exactly `service` (serviceValidate, or
 * p3/serviceValidate for 3.0), and reads its XML answer. Every refusal or unreadable answer becomes
 * `auth.sign-on-failed`, with the CAS code kept as the detail for the operator's log.
 */
export async function validateCasTicket(
  config: CasConfig,
  ticket: string,
  service: string,
  fetchFn: typeof fetch = fetch,
): Promise<CasIdentity> {
  const url = new URL(`${config.url}/${config.version === 3 ? "p3/serviceValidate" : "serviceValidate"}`);
  url.searchParams.set("service", service);
  url.searchParams.set("ticket", ticket);
  let body: string;
  try {
    const answer = await fetchFn(url, { redirect: "error", signal: AbortSignal.timeout(10_000) });
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    body = await answer.text();
  } catch (error) {
    throw new AppError("auth.sign-on-unreachable", {}, `CAS ${url.origin}: ${(error as Error).message}`);
  }
  return readCasAnswer(body, config);
}

export function readCasAnswer(body: string, config: CasConfig): CasIdentity {
  const root = parseXmlTree(body);
  if (!root || root.uri !== CAS_NS || root.local !== "serviceResponse")
    throw new AppError("auth.sign-on-failed", {}, "CAS: the answer is not a CAS serviceResponse");
  const failure = child(root, CAS_NS, "authenticationFailure");
  if (failure) throw new AppError("auth.sign-on-failed", {}, `CAS: ${failure.attributes.code ?? "?"} ${failure.text}`);
  const success = child(root, CAS_NS, "authenticationSuccess");
  const user = success && child(success, CAS_NS, "user")?.text;
  if (!success || !user) throw new AppError("auth.sign-on-failed", {}, "CAS: no authenticationSuccess with a user");
  const attributes: Record<string, string> = {};
  const held = child(success, CAS_NS, "attributes");
  // A multi-valued attribute comes as repeated elements: the first is kept.
  for (const attribute of held?.children ?? []) if (attribute.uri === CAS_NS) attributes[attribute.local] ??= attribute.text;
  if (config.idAttribute && !attributes[config.idAttribute])
    throw new AppError("auth.sign-on-no-id", { claim: config.idAttribute }, `CAS: no attribute ${config.idAttribute}`);
  return { user, attributes };
}

/** The 工号 a CAS identity carries: the configured attribute, or the CAS user name. */
export function casCampusId(identity: CasIdentity, config: CasConfig): string {
  return (config.idAttribute ? identity.attributes[config.idAttribute] : identity.user) ?? "";
}

/**
 * The service ticket a CAS single sign-out names (the `logoutRequest` form field the CAS server POSTs
 * to the service URL), or null when the body is not such a request.
 */
export function logoutRequestTicket(logoutRequest: string): string | null {
  const root = parseXmlTree(logoutRequest);
  if (!root || root.uri !== SAMLP_NS || root.local !== "LogoutRequest") return null;
  return child(root, SAMLP_NS, "SessionIndex")?.text || null;
}
