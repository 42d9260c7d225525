import type { Api } from "./client";

/**
 * The signed-in secretary, as the pane shows her. The session itself is the server's HttpOnly cookie
 * on the pane's origin: no script of the pane can read its token, and nothing of it is kept in the
 * pane's storage (a token in localStorage was readable by any script that ran in the pane). The
 * cookie outlives the pane, so a pane opened again asks the server who is signed in.
 */
export interface Session {
  user: { id: number; username: string; displayName: string; role: string; collegeId: number | null };
}

/** Who the session cookie belongs to, or null when there is none (or it ended). */
export async function currentSession(api: Api): Promise<Session | null> {
  try {
    const user = await api.auth.me.query();
    return user ? { user } : null;
  } catch {
    return null;
  }
}

/** Signs in: the server sets the cookie; of its answer only the user is kept (the token is dropped here). */
export async function signIn(api: Api, username: string, password: string): Promise<Session> {
  const { user } = await api.auth.signIn.mutate({ username, password, framed: true });
  return { user };
}

/** A campus sign-on's one-time code becomes the pane's session: again the cookie, and only the user kept. */
export async function redeemSignOn(api: Api, code: string): Promise<Session> {
  const { user } = await api.auth.redeemSignOn.mutate({ code, framed: true });
  return { user };
}

export function signOut(api: Api) {
  return api.auth.signOut.mutate();
}
