import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@xueji/server/router";
import type { Locale } from "@xueji/shared";
import type { TFunction } from "i18next";

/** The server the pane came from: the add-in is served by the same `pnpm start` as the API. */
export function serverOrigin(): string {
  return window.location.origin;
}

export interface ApiState {
  locale: Locale;
}

/**
 * A typed client (types from the server's `AppRouter`, never copied). The session is the server's
 * HttpOnly cookie, which the browser sends with these same-origin calls (api/session.ts).
 */
export function createApi(state: () => ApiState) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${serverOrigin()}/api/trpc`,
        headers: () => ({ "accept-language": state().locale }),
        fetch: (url, options) => fetch(url, { ...options, credentials: "same-origin" } as RequestInit),
      }),
    ],
  });
}

export type Api = ReturnType<typeof createApi>;

/**
 * A fetch that never reached the server: the network, a proxy or the server down. Browsers word it
 * differently (Chromium “Failed to fetch”, Firefox “NetworkError …”, Safari “Load failed”, Node “fetch failed”).
 */
export function isFailedFetch(error: unknown): boolean {
  return error instanceof TypeError && /failed to fetch|fetch failed|networkerror|load failed|network request failed/i.test(error.message);
}

/**
 * The server's own localised message for a failed call (never a stack, always with its request id);
 * a fetch that never reached the server says so. Anything else is a fault of the pane or the host (an
 * Office error, a bug): said as unexpected, with its message, and logged for whoever looks at the console.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isFailedFetch(error)) return t("common.offline");
  if (error instanceof TRPCClientError) {
    if (isFailedFetch(error.cause)) return t("common.offline");
    // The server's answer carries its words and the request id; without data it was not our server's.
    if (error.data) return error.message;
  }
  console.error(error);
  const detail = error instanceof Error ? error.message : String(error);
  return t("common.unexpected", { detail: detail || (error instanceof Error ? error.name : "") });
}

export function isAuthError(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { httpStatus?: number } | undefined)?.httpStatus === 401;
}
