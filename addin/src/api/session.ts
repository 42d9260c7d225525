/** The signed-in secretary. Kept in the pane's own storage, so it survives closing the pane and is never written into a workbook. */
export interface Session {
  token: string;
  expiresAt: string;
  user: { id: number; username: string; displayName: string; role: string; collegeId: number | null };
}

const KEY = "xueji.session";

export function loadSession(): Session | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null") as Session | null;
    return saved && new Date(saved.expiresAt) > new Date() ? saved : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  try {
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage can be off (private windows); the session then lasts as long as the pane.
  }
}
