import type { RouterInputs, RouterOutputs } from "./client";
import { apiMutation, apiQuery } from "./query";

export type PendingItem = RouterOutputs["pending"]["list"][number];
export const pendingQuery = (input: RouterInputs["pending"]["list"]) => apiQuery("pending", "list", input);
export const liftPending = apiMutation("pending", "lift");
export { fromPending } from "./applications";
