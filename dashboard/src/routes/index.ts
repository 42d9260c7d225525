import { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { isUnauthenticated } from "../api/client";
import { PAGES } from "./pages";
import { appRoute, rootRoute } from "./root";

export const queryClient = new QueryClient({
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
