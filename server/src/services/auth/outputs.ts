import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { users } from "../../db/schema";

/** What these procedures send, field by field (services/wire-values.ts: why named, never whole rows). */

export const userListItem = createSelectSchema(users).pick({
  id: true,
  username: true,
  displayName: true,
  role: true,
  collegeId: true,
  disabled: true,
});

/** The signed-in user as `auth.me` and a sign-in answer it (services/auth/session-user.ts). */
export const sessionUserOutput = createSelectSchema(users).pick({
  id: true,
  username: true,
  displayName: true,
  role: true,
  collegeId: true,
  mustChangePassword: true,
});

/** A new session: its token (the pane keeps it when no cookie reaches the server), its end, its user. */
export const sessionOutput = z.object({ token: z.string(), expiresAt: z.string(), user: sessionUserOutput });
