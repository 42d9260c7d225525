import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { ErrorCode, Locale } from "@xueji/shared";
import type { Db } from "./db/client";
import { type Logger, silentLogger } from "./logger";
import type { SessionUser } from "./services/auth/session-user";
import { sessionForToken } from "./services/auth/sessions";
import type { SignOnConfig } from "./services/auth/sign-on/sign-on-config";

export interface Context {
  db: Db;
  engine: "pglite" | "postgres";
  user: SessionUser | null;
  /** When the request's token belonged to a session that expired or was ended: the code saying why. */
  sessionEnded: ErrorCode | null;
  token: string | null;
  requestId: string;
  address: string;
  locale: Locale;
  /** The request's logger: every line carries its request id. */
  log: Logger;
  /** Today's date in China; a function so that tests can fix it. */
  today: () => string;
  /** Sets or clears the session cookie (HTTP only; absent for direct callers); `framed`: for the task pane. */
  setSessionCookie?: (token: string | null, expiresAt?: Date, framed?: boolean) => void;
  /** The origin the request reached this server at (HTTP only), e.g. https://xueji.example.edu.cn */
  origin?: string;
  /** Campus sign-on and the password policy (absent: passwords for everyone, no portal). */
  signOn?: SignOnConfig;
}

export interface InnerOptions {
  db: Db;
  engine: "pglite" | "postgres";
  token?: string | null;
  address?: string;
  locale?: Locale;
  today: () => string;
  requestId?: string;
  log?: Logger;
  setSessionCookie?: Context["setSessionCookie"];
  origin?: string;
  signOn?: SignOnConfig;
}

/** A short id a secretary can read out on the phone (12 hex digits: 2^48, no collision in a year of logs). */
export function newRequestId(): string {
  return randomBytes(6).toString("hex");
}

/**
 * What is known about the HTTP request being served, for the code that runs without a context: the
 * error formatter when a request fails before its context exists (a refused batch), and the request
 * log line, which learns the user id once the context has been built.
 */
export interface RequestScope {
  requestId: string;
  locale: Locale;
  userId: number | null;
  /** The calls of this request that failed, with their codes (for the log line and the metrics). */
  failures: Array<{ procedure: string; code: string; detail?: string }>;
  log: Logger;
}
export const requestScope = new AsyncLocalStorage<RequestScope>();

/** Builds a context from plain values: the HTTP adapter and the tests both come through here. */
export async function createContextInner(options: InnerOptions): Promise<Context> {
  const token = options.token ?? null;
  const scope = requestScope.getStore();
  const requestId = options.requestId ?? scope?.requestId ?? newRequestId();
  const { user, ended } = await sessionForToken(options.db, token);
  if (scope) scope.userId = user?.id ?? null;
  return {
    db: options.db,
    engine: options.engine,
    token,
    user,
    sessionEnded: ended,
    requestId,
    address: options.address ?? "local",
    locale: options.locale ?? "zh-CN",
    log: options.log ?? scope?.log ?? silentLogger.child({ requestId }),
    today: options.today,
    ...(options.setSessionCookie ? { setSessionCookie: options.setSessionCookie } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.signOn ? { signOn: options.signOn } : {}),
  };
}
