import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@xueji/server/src/router";
import type { Locale } from "@xueji/shared";

/** The server the pane came from: the add-in is served by the same `pnpm start` as the API. */
export function serverOrigin(): string {
  return window.location.origin;
}

export interface ApiState {
  token: string | null;
  locale: Locale;
}

/** A typed client (types from the server's `AppRouter`, never copied) with the bearer token. */
export function createApi(state: () => ApiState) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${serverOrigin()}/api/trpc`,
        headers: () => {
          const { token, locale } = state();
          return { "accept-language": locale, ...(token ? { authorization: `Bearer ${token}` } : {}) };
        },
      }),
    ],
  });
}

export type Api = ReturnType<typeof createApi>;

/** The server's own localised message for a failed call (never a stack); a network failure says so. */
export function errorMessage(error: unknown, offline: string): string {
  if (error instanceof TRPCClientError) {
    if (error.cause && /fetch|network/i.test(String(error.cause))) return offline;
    return error.message;
  }
  if (error instanceof TypeError) return offline;
  return error instanceof Error ? error.message : String(error);
}

export function isAuthError(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { httpStatus?: number } | undefined)?.httpStatus === 401;
}
