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

/** The Set-Cookie value of a session: never readable by scripts, not sent cross-site, HTTPS-only when served so. */
export function sessionCookie(token: string | null, expiresAt: Date | undefined, secure: boolean): string {
  const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return token
    ? `${SESSION_COOKIE}=${token}; ${attributes}; Expires=${expiresAt?.toUTCString()}`
    : `${SESSION_COOKIE}=; ${attributes}; Max-Age=0`;
}
