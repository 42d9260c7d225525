import { infiniteQueryOptions } from "@tanstack/react-query";
import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiMutation, apiQuery } from "./query";

export type ApplicationRow = RouterOutputs["applications"]["list"][number];
export type ApplicationListInput = Omit<RouterInputs["applications"]["list"], "page" | "pageSize">;

export const PAGE_SIZE = 200;

/** One page of a list and where the next begins: the shape every list of the dashboard is read in. */
export interface Page<T> {
  items: T[];
  nextCursor: number | null;
}

/**
 * The applications list as pages. The server pages by number today; this is the one place that knows,
 * so moving to `{ items, nextCursor }` changes only this function.
 */
export async function applicationsPage(filters: ApplicationListInput, cursor: number): Promise<Page<ApplicationRow>> {
  const items = await client.applications.list.query({ ...filters, page: cursor, pageSize: PAGE_SIZE });
  return { items, nextCursor: items.length === PAGE_SIZE ? cursor + 1 : null };
}

export const applicationsQuery = (filters: ApplicationListInput) =>
  infiniteQueryOptions({
    queryKey: ["applications", "list", filters, "pages"],
    initialPageParam: 1,
    queryFn: ({ pageParam }) => applicationsPage(filters, pageParam),
    getNextPageParam: (last: Page<ApplicationRow>) => last.nextCursor ?? undefined,
  });

export const timelineQuery = (applicationId: number) => apiQuery("applications", "timeline", { applicationId });
export const studentHistoryQuery = (studentNo: string) => apiQuery("applications", "studentHistory", { studentNo });
export const decide = apiMutation("applications", "decide");
export const bulkDecide = apiMutation("applications", "bulkDecide");
export const fileApplication = apiMutation("applications", "file");
export const fromPending = apiMutation("applications", "fromPending");

/** The versions the server holds now (one batched request), for retrying decisions that met a stale one. */
export async function currentVersions(ids: number[]): Promise<Map<number, number>> {
  const timelines = await Promise.all(ids.map((applicationId) => client.applications.timeline.query({ applicationId })));
  return new Map(timelines.map((t) => [t.application.id, t.application.version]));
}
