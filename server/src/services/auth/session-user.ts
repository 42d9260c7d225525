import type { Role } from "@xueji/shared";

/** The signed-in user as procedures see it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  collegeId: number | null;
}
