import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiMutation, apiQuery, PAGE_LIMIT, pagedQuery } from "./query";

export type PendingItem = RouterOutputs["pending"]["list"]["items"][number];
/** 学业预警 items pending a decision, page after page as the reader scrolls. */
export const pendingQuery = (input: Omit<RouterInputs["pending"]["list"], "cursor" | "limit">) =>
  pagedQuery(["pending", "list", input], (cursor) => client.pending.list.query({ ...input, cursor, limit: PAGE_LIMIT }));
export const liftPending = apiMutation("pending", "lift");
export { fromPending } from "./applications";

/** What taking a 留级 to 降级（学业原因） would change: the grade, the class, the expected graduation. */
export const demotionPreviewQuery = (itemId: number) => apiQuery("pending", "demotionPreview", { itemId });
/** 留级 → 降级（学业原因）: one application at the registrar's stage, the item taken up. */
export const demotionFromPending = apiMutation("applications", "demotionFromPending");
