import { infiniteQueryOptions } from "@tanstack/react-query";
import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiQuery } from "./query";

export type AuditEvent = RouterOutputs["auditLog"]["search"]["items"][number];
export type AuditFilters = Omit<RouterInputs["auditLog"]["search"], "before" | "limit">;

const PAGE = 200;

/** The log as pages by cursor (the id of the last event of a page), newest first, to the very first event. */
export const auditEventsQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ["auditLog", "search", filters, "pages"],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => client.auditLog.search.query({ ...filters, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) }),
    getNextPageParam: (last: RouterOutputs["auditLog"]["search"]) => last.nextCursor ?? undefined,
  });

export const facetsQuery = () => apiQuery("auditLog", "facets", undefined);
/** Walks the whole chain on the server; asked for, not loaded with the page, since it reads every event. */
export const verifyChain = () => client.auditLog.verify.query();
