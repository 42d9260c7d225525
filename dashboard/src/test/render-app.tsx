import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRouter, RouterProvider } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import { afterAll, beforeAll } from "vitest";
import { makeWorld, type World } from "../../../server/test/world";
import { router as appRouter } from "../routes";
import { Providers } from "./providers";

/**
 * Component tests of whole pages against the real server: a fresh test university (server/test/world.ts)
 * on PGlite, served over HTTP on a free port, and the happy-dom window moved to that origin so the
 * dashboard's own tRPC client (relative `/api/trpc`, session cookie, custom header) talks to it unchanged.
 * Nothing is stubbed: the pages ask, the server answers from its database.
 */
export function servedWorld(): { world: () => World } {
  let world: World;
  let served: { base: string; close: () => void };
  beforeAll(async () => {
    world = await makeWorld("pglite");
    served = await world.serve();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${served.base}/`);
  }, 60_000);
  afterAll(async () => {
    served?.close();
    await world?.database.close();
  });
  return { world: () => world };
}

/** Signs `username` in (the world's session token as the session cookie) and renders the app at `path`. */
export function renderApp(world: World, username: string, path: string) {
  // happy-dom has no Cookie Store API; the app reads the session cookie as a browser would send it.
  // biome-ignore lint/suspicious/noDocumentCookie: test set-up, see above
  document.cookie = `xueji_session=${world.tokens.get(username)}; path=/`;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const router = createRouter({
    routeTree: appRouter.routeTree,
    history: createMemoryHistory({ initialEntries: [path] }),
    context: { queryClient },
  });
  render(
    <Providers>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </Providers>,
  );
  return { router, queryClient };
}
