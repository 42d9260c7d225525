import { apiMutation, apiQuery } from "./query";

/**
 * The signed-in user (`null` query error means: show the sign-in page). Not asked again when the shell mounts
 * after the loader's request failed: a signed-out reader gets the sign-in form one round trip sooner.
 */
export const meQuery = () => ({ ...apiQuery("auth", "me", undefined), retry: false, retryOnMount: false, staleTime: 5 * 60_000 });
export const signIn = apiMutation("auth", "signIn");
export const signOut = apiMutation("auth", "signOut");
export const changePassword = apiMutation("auth", "changePassword");
/** The campus sign-on buttons the sign-in page offers, and whether passwords are for everyone. */
export const signOnOptionsQuery = () => ({ ...apiQuery("auth", "signOnOptions", undefined), staleTime: Number.POSITIVE_INFINITY });
