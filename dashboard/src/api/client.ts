import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@xueji/server/router";
import { i18n } from "../i18n";
import { currentLocale } from "../i18n/locale";

/** The server's router types: the dashboard never copies a shape, it reads them from `AppRouter`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/**
 * One client for the whole dashboard. `httpBatchLink` folds the queries a page issues in the same tick
 * into one HTTP request. Same-origin JSON with the session cookie: the server's cross-site check passes
 * (SameSite=Lax cookie, an Origin equal to the host, and the `x-xueji-client` header a cross-site form
 * cannot send). The reader's language goes as Accept-Language so errors come back in it.
 */
export const client = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/api/trpc",
      maxURLLength: 4000,
      headers: () => ({ "accept-language": currentLocale(), "x-xueji-client": "dashboard" }),
      fetch: (url, options) => fetch(url, { ...options, credentials: "same-origin" }),
    }),
  ],
});

/** What a page shows of a failed request: the server's localised message, its code and the request id. */
export interface ApiProblem {
  message: string;
  appCode: string | null;
  httpStatus: number | null;
  requestId: string | null;
}

export function problemOf(error: unknown): ApiProblem {
  // No answer from the server, or none it wrote (a proxy's error page): the browser's words ("Failed to fetch", a
  // JSON parser's) mean nothing to the reader, and are English.
  if (isUnreachable(error)) return { message: i18n.t("state.unreachable"), appCode: null, httpStatus: null, requestId: null };
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { appCode?: string; httpStatus?: number; userMessage?: string; requestId?: string };
    return {
      message: data.userMessage ?? error.message,
      appCode: data.appCode ?? null,
      httpStatus: data.httpStatus ?? null,
      requestId: data.requestId ?? null,
    };
  }
  return { message: error instanceof Error ? error.message : String(error), appCode: null, httpStatus: null, requestId: null };
}

/** fetch() itself failed (server down, network gone), or what came back was not the server's tRPC answer. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  return error instanceof TRPCClientError && error.data == null && !(error.cause instanceof TRPCClientError);
}

export function isUnauthenticated(error: unknown): boolean {
  const problem = problemOf(error);
  return problem.appCode === "auth.required" || problem.httpStatus === 401;
}

/** The answers a request gets once its session is gone: each says why, for the sign-in page to show. */
const SESSION_GONE = new Set([
  "auth.required",
  "auth.session-expired",
  "auth.password-reset",
  "auth.account-disabled",
  "auth.session-ended",
]);

/** Whether a request failed because the reader's session ended (not a wrong password at sign-in). */
export function isSessionGone(error: unknown): boolean {
  const code = problemOf(error).appCode;
  return code !== null && SESSION_GONE.has(code);
}
