import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiQuery, PAGE_LIMIT, pagedQuery } from "./query";

export type AuditEvent = RouterOutputs["auditLog"]["search"]["items"][number];
export type AuditFilters = Omit<RouterInputs["auditLog"]["search"], "cursor" | "limit">;

/** The log as pages by cursor, newest first, to the very first event. */
export const auditEventsQuery = (filters: AuditFilters) =>
  pagedQuery(["auditLog", "search", filters], (cursor) => client.auditLog.search.query({ ...filters, cursor, limit: PAGE_LIMIT }));

export const facetsQuery = () => apiQuery("auditLog", "facets", undefined);
/** Walks the whole chain on the server; asked for, not loaded with the page, since it reads every event. */
export const verifyChain = () => client.auditLog.verify.query();

export type AuditListEvent = RouterOutputs["auditLog"]["list"]["items"][number];
/** `auditLog.list`: every event the reader may see, in the chain's order (newest first), with its links. */
export const auditFullListQuery = () =>
  pagedQuery(["auditLog", "list"], (cursor) => client.auditLog.list.query({ cursor, limit: PAGE_LIMIT }));
