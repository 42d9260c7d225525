import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, lazyRouteComponent, Outlet } from "@tanstack/react-router";
import { meQuery } from "../api/auth";
import { viewsQuery } from "../api/views";
import { NotFound } from "../shell/not-found";

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

/**
 * Every page sits inside the shell. Its loader asks who is signed in, and the page's own loader asks for
 * the page's data, in the same tick, so `httpBatchLink` sends them as one request. A failed `auth.me`
 * makes the shell show the sign-in form in place (the URL, and so the page asked for, stays).
 */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  // Imported lazily: the shell reads the page list, which imports this file.
  component: lazyRouteComponent(() => import("../shell/app-shell"), "AppShell"),
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(meQuery());
    // The menu's saved views, in the same batch (refused quietly for roles without the applications list).
    void context.queryClient.prefetchInfiniteQuery(viewsQuery());
  },
});
