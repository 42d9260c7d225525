import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { client, type RouterInputs, type RouterOutputs } from "./client";

/**
 * Typed TanStack Query options over the tRPC client. (`@trpc/tanstack-react-query` would do the same,
 * but the registry has no release of it at 11.25.2, the version every `@trpc/*` package is pinned to;
 * this is the few lines of it the dashboard needs.) Keys are `[router, procedure, input]`, so
 * invalidating `[router]` refreshes every list of that router.
 */
type Router = keyof RouterInputs & keyof RouterOutputs;
type Procedure<R extends Router> = keyof RouterInputs[R] & keyof RouterOutputs[R] & string;

interface Callable {
  query(input: unknown): Promise<unknown>;
  mutate(input: unknown): Promise<unknown>;
}

function procedureOf(router: string, procedure: string): Callable {
  return (client as unknown as Record<string, Record<string, Callable>>)[router]?.[procedure] as Callable;
}

export function apiQuery<R extends Router, P extends Procedure<R>>(router: R, procedure: P, input: RouterInputs[R][P]) {
  return queryOptions({
    queryKey: [router, procedure, input] as const,
    queryFn: ({ signal }) =>
      (signal?.aborted ? Promise.reject(signal.reason) : procedureOf(router, procedure).query(input)) as Promise<RouterOutputs[R][P]>,
  });
}

/** A mutation function for `useMutation`. */
export function apiMutation<R extends Router, P extends Procedure<R>>(router: R, procedure: P) {
  return (input: RouterInputs[R][P]) => procedureOf(router, procedure).mutate(input) as Promise<RouterOutputs[R][P]>;
}

/** Refresh every query of these routers (after a mutation changed what they show). */
export function invalidate(queryClient: QueryClient, ...routers: Router[]): Promise<void> {
  return Promise.all(routers.map((r) => queryClient.invalidateQueries({ queryKey: [r] }))).then(() => undefined);
}
