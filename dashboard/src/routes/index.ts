import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { isSessionGone, isUnauthenticated } from "../api/client";
import { PAGES } from "./pages";
import { appRoute, rootRoute } from "./root";

/**
 * A session can end while a page is open (the password was reset, the account disabled, the
 * administrator ended it, it expired). The next request that finds it gone asks `auth.me` again: its
 * answer carries the server's reason, and the shell shows the sign-in page with it instead of an
 * error inside the page.
 */
function onSessionGone(error: unknown, key?: readonly unknown[]) {
  if (!isSessionGone(error) || (key?.[0] === "auth" && key[1] === "me")) return;
  void queryClient.refetchQueries({ queryKey: ["auth", "me"] });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onSessionGone(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onSessionGone(error) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Signed out or refused: asking again will not help.
      retry: (count, error) => !isUnauthenticated(error) && count < 1,
      refetchOnWindowFocus: false,
    },
  },
});

const routeTree = rootRoute.addChildren([appRoute.addChildren(PAGES.map((page) => page.route))]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  // The page's own queries live in TanStack Query; the router should not cache loader results on top.
  defaultPreloadStaleTime: 0,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
