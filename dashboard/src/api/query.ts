import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
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

/**
 * One page of a list and where the next begins: the shape every list of the server answers in, with the
 * server's opaque cursor (services/paging.ts).
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** How many rows one request asks for: the server's ceiling, so a long list needs the fewest round trips. */
export const PAGE_LIMIT = 200;

/**
 * A cursor-paged list for `useInfiniteQuery`: the first page has no cursor, each next page starts at the
 * `nextCursor` the previous one answered, and there are no more when it is null. The key ends in "pages"
 * so it never collides with a plain query of the same procedure, and starts with the router so
 * `invalidate` refreshes it.
 */
export function pagedQuery<P extends Page<unknown>>(key: readonly unknown[], fetchPage: (cursor: string | undefined) => Promise<P>) {
  return infiniteQueryOptions({
    queryKey: [...key, "pages"],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last: P) => last.nextCursor ?? undefined,
  });
}

/** Every page of a list, following `nextCursor` to the end: for the few views that need the whole of a list. */
export async function fetchAllPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}
