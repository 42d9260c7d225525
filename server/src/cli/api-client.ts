import { createTRPCClient, httpLink } from "@trpc/client";
import type { Locale } from "@xueji/shared";
import type { AppRouter } from "../router";

/** A typed client of the server's API for the command line, with a bearer token. */
export function apiClient(server: string, token: string | null, locale: Locale) {
  const headers: Record<string, string> = { "accept-language": locale === "en" ? "en" : "zh-CN" };
  if (token) headers.authorization = `Bearer ${token}`;
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.replace(/\/$/, "")}/api/trpc`, headers })] });
}

export type ApiClient = ReturnType<typeof apiClient>;
