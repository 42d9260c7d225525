import { apiMutation, apiQuery } from "./query";

/** The signed-in user (`null` query error means: show the sign-in page). */
export const meQuery = () => ({ ...apiQuery("auth", "me", undefined), retry: false, staleTime: 5 * 60_000 });
export const signIn = apiMutation("auth", "signIn");
export const signOut = apiMutation("auth", "signOut");
