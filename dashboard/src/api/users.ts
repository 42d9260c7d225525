import { queryOptions } from "@tanstack/react-query";
import { client, type RouterOutputs } from "./client";
import { apiMutation, fetchAllPages, PAGE_LIMIT } from "./query";

export type UserRow = RouterOutputs["users"]["list"]["items"][number];

/**
 * Every account, following the cursor to the end: the page filters and sorts them as the administrator
 * types, so it needs the whole list (a university has hundreds of accounts, not hundreds of thousands).
 */
export const usersQuery = () =>
  queryOptions({
    queryKey: ["users", "list", "all"],
    queryFn: () => fetchAllPages((cursor) => client.users.list.query({ cursor, limit: PAGE_LIMIT })),
  });
export const createUser = apiMutation("users", "create");
export const disableUser = apiMutation("users", "disable");
export const enableUser = apiMutation("users", "enable");
export const resetPassword = apiMutation("users", "resetPassword");
export const endSessions = apiMutation("users", "endSessions");
