import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "./client";
import { apiMutation, apiQuery } from "./query";

export type SavedView = RouterOutputs["views"]["list"][number];

export const viewsQuery = () => apiQuery("views", "list", { page: "applications" });
export function useSavedViews(enabled = true) {
  return useQuery({ ...viewsQuery(), enabled });
}
export const saveView = apiMutation("views", "save");
export const removeView = apiMutation("views", "remove");
