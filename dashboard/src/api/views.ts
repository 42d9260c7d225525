import { useInfiniteQuery } from "@tanstack/react-query";
import { client, type RouterOutputs } from "./client";
import { apiMutation, pagedQuery } from "./query";

export type SavedView = RouterOutputs["views"]["list"]["items"][number];

/** Views come a page at a time (the menu shows a few, and loads more on request). */
export const VIEWS_PAGE = 20;

export const viewsQuery = () =>
  pagedQuery(["views", "list", { page: "applications" }], (cursor) =>
    client.views.list.query({ page: "applications", limit: VIEWS_PAGE, ...(cursor ? { cursor } : {}) }),
  );

/** The saved views loaded so far, and a way to load the next page of them. */
export function useSavedViews(enabled = true) {
  const query = useInfiniteQuery({ ...viewsQuery(), enabled });
  return {
    views: query.data?.pages.flatMap((page) => page.items) ?? [],
    more: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    loadingMore: query.isFetchingNextPage,
  };
}
export const saveView = apiMutation("views", "save");
export const removeView = apiMutation("views", "remove");
