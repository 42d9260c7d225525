import type { RouterOutputs } from "../../api/client";
import { apiMutation, apiQuery } from "../../api/query";

export type UserRow = RouterOutputs["users"]["list"][number];

export const usersQuery = () => apiQuery("users", "list", undefined);
export const createUser = apiMutation("users", "create");
export const disableUser = apiMutation("users", "disable");
export const enableUser = apiMutation("users", "enable");
export const resetPassword = apiMutation("users", "resetPassword");
export const endSessions = apiMutation("users", "endSessions");
