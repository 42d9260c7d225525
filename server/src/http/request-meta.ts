import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { Locale } from "@xueji/shared";
import { newRequestId } from "../context";

export const SESSION_COOKIE = "xueji_session";

/**
 * What the server reads from a request's envelope. Behind a reverse proxy that terminates HTTPS
 * (`XUEJI_TRUST_PROXY=1`), the proxy's X-Forwarded-* headers are believed; otherwise they are
 * ignored, since any client can send them.
 */
export interface RequestMeta {
  https: boolean;
  address: string;
  /** The origin this server is reached at, e.g. https://xueji.example.edu.cn */
  origin: string;
  requestId: string;
  locale: Locale;
  token: string | null;
  /** The token came from the session cookie, not an Authorization header: the browser sends it by itself. */
  viaCookie: boolean;
}

export function readRequestMeta(req: IncomingMessage, trustProxy: boolean): RequestMeta {
  const forwarded = (name: string) => {
    const value = req.headers[name];
    return trustProxy && typeof value === "string" ? value : undefined;
  };
  const https = (req.socket as TLSSocket).encrypted === true || forwarded("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  // The last X-Forwarded-For entry is the one our proxy added; earlier ones are the client's word.
  const address = forwarded("x-forwarded-for")?.split(",").at(-1)?.trim() || req.socket.remoteAddress || "unknown";
  const host = forwarded("x-forwarded-host") ?? req.headers.host ?? "localhost";
  const inboundId = forwarded("x-request-id");
  const bearer = req.headers.authorization?.startsWith("Bearer ") ? req.headers.authorization.slice(7).trim() : null;
  const cookie = bearer ? null : cookieValue(req.headers.cookie, SESSION_COOKIE);
  return {
    https,
    address,
    origin: `${https ? "https" : "http"}://${host}`,
    requestId: inboundId && /^[\w-]{1,64}$/.test(inboundId) ? inboundId : newRequestId(),
    locale: /^en\b/i.test(req.headers["accept-language"] ?? "") ? "en" : "zh-CN",
    token: bearer || cookie,
    viaCookie: !bearer && !!cookie,
  };
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || null;
  }
  return null;
}

/**
 * The Set-Cookie values of a session: never readable by scripts, not sent cross-site, HTTPS-only
 * when served so. The task pane is framed by Office on the web (office.com) and WPS, where a Lax
 * cookie is not sent: its sign-in (`framed`, over HTTPS) gets `SameSite=None; Partitioned` — kept
 * in a jar of the framing site alone (CHIPS), so no other site's page can send it; a POST still
 * passes the Origin check (trpc-guards.ts). Clearing clears both kinds.
 */
export function sessionCookie(token: string | null, expiresAt: Date | undefined, secure: boolean, framed = false): string[] {
  const lax = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  const partitioned = "Path=/; HttpOnly; Secure; SameSite=None; Partitioned";
  if (!token) return [`${SESSION_COOKIE}=; ${lax}; Max-Age=0`, ...(secure ? [`${SESSION_COOKIE}=; ${partitioned}; Max-Age=0`] : [])];
  return [`${SESSION_COOKIE}=${token}; ${framed && secure ? partitioned : lax}; Expires=${expiresAt?.toUTCString()}`];
}
