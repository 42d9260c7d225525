import type { Role } from "@xueji/shared";

/** The signed-in user as procedures see it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  collegeId: number | null;
  /** Signed in with a temporary password: only changing it (and signing out) is allowed until then. */
  mustChangePassword: boolean;
}
