import { createTRPCClient, httpLink } from "@trpc/client";
import type { Locale } from "@xueji/shared";
import type { AppRouter } from "../router";
import { cliFetch } from "./server-address";

/** A typed client of the server's API for the command line, with a bearer token (HTTPS trusting the local certificate). */
export function apiClient(server: string, token: string | null, locale: Locale, env: NodeJS.ProcessEnv) {
  const headers: Record<string, string> = { "accept-language": locale === "en" ? "en" : "zh-CN" };
  if (token) headers.authorization = `Bearer ${token}`;
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${server.replace(/\/$/, "")}/api/trpc`, headers, fetch: cliFetch(server, env) })],
  });
}

export type ApiClient = ReturnType<typeof apiClient>;
