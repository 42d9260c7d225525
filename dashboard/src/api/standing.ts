import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiMutation, PAGE_LIMIT, pagedQuery } from "./query";

export type PendingItem = RouterOutputs["pending"]["list"]["items"][number];
/** 学业预警 items pending a decision, page after page as the reader scrolls. */
export const pendingQuery = (input: Omit<RouterInputs["pending"]["list"], "cursor" | "limit">) =>
  pagedQuery(["pending", "list", input], (cursor) => client.pending.list.query({ ...input, cursor, limit: PAGE_LIMIT }));
export const liftPending = apiMutation("pending", "lift");
export { fromPending } from "./applications";
