import type { RouterOutputs } from "./client";
import { apiMutation, apiQuery } from "./query";

export type SignOnSettings = RouterOutputs["signOnSettings"]["read"];
/** The administrator's campus sign-on settings: stored values, the fields the environment sets, and 已设置 for the secret. */
export const signOnSettingsQuery = () => apiQuery("signOnSettings", "read", undefined);
export const saveSignOnSettings = apiMutation("signOnSettings", "save");
