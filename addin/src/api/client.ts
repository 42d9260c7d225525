import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@xueji/server/router";
import type { Locale } from "@xueji/shared";
import type { TFunction } from "i18next";

/** The server the pane came from: the add-in is served by the same `pnpm start` as the API. */
export function serverOrigin(): string {
  return window.location.origin;
}

/**
 * What came back on the API's address was not Xueji's answer: the server answers every call in JSON, and its own
 * plain refusals (a cross-site request, an internal error) in text. A web page there is a proxy's or gateway's
 * (a campus network's 502 page, a captive portal's sign-in): said so, with its HTTP status for whoever looks into it,
 * instead of the JSON parser's "Unexpected token '<'".
 */
export class ForeignAnswer extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`HTTP ${status}: not the Xueji server's answer`);
    this.name = "ForeignAnswer";
    this.status = status;
  }
}

/** The server's own plain-text refusal (its localised words, with the request id): said as it is. */
export class ServerWords extends Error {
  constructor(words: string) {
    super(words);
    this.name = "ServerWords";
  }
}

/** fetch, with the session cookie, refusing an answer that is not the server's JSON before tRPC parses it. */
export async function xuejiFetch(url: RequestInfo | URL, options?: RequestInit): Promise<Response> {
  const response = await fetch(url, { ...options, credentials: "same-origin" });
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) return response;
  const words = type.startsWith("text/plain") ? (await response.text()).trim() : "";
  throw words ? new ServerWords(words) : new ForeignAnswer(response.status);
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
        fetch: (url, options) => xuejiFetch(url, options as RequestInit),
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
    if (error.cause instanceof ForeignAnswer) return t("common.foreign", { status: error.cause.status });
    if (error.cause instanceof ServerWords) return error.cause.message;
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
