import { randomUUID } from "node:crypto";
import type { Locale } from "@xueji/shared";
import type { Db } from "./db/client";
import type { SessionUser } from "./services/auth/session-user";
import { userForToken } from "./services/auth/sessions";

export interface Context {
  db: Db;
  engine: "pglite" | "postgres";
  user: SessionUser | null;
  token: string | null;
  requestId: string;
  address: string;
  locale: Locale;
  /** Today's date in China; a function so that tests can fix it. */
  today: () => string;
  /** Sets or clears the session cookie (HTTP only; absent for direct callers). */
  setSessionCookie?: (token: string | null, expiresAt?: Date) => void;
}

export interface InnerOptions {
  db: Db;
  engine: "pglite" | "postgres";
  token?: string | null;
  address?: string;
  locale?: Locale;
  today: () => string;
  requestId?: string;
  setSessionCookie?: Context["setSessionCookie"];
}

/** Builds a context from plain values: the HTTP adapter and the tests both come through here. */
export async function createContextInner(options: InnerOptions): Promise<Context> {
  const token = options.token ?? null;
  return {
    db: options.db,
    engine: options.engine,
    token,
    user: await userForToken(options.db, token),
    requestId: options.requestId ?? randomUUID(),
    address: options.address ?? "local",
    locale: options.locale ?? "zh-CN",
    today: options.today,
    ...(options.setSessionCookie ? { setSessionCookie: options.setSessionCookie } : {}),
  };
}
