import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { oneOf, ROLES } from "./enums";
import { colleges } from "./organisation";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Set for the college roles (secretary, college leader), null otherwise. */
    collegeId: integer("college_id").references(() => colleges.id),
    passwordHash: text("password_hash").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    /** Set when an administrator chose the password (a temporary one): the user must change it at sign-in. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** When a temporary password stops working (TEMPORARY_PASSWORD_DAYS after it was set); null otherwise. */
    passwordExpiresAt: timestamp("password_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("users_role", oneOf(t.role, ROLES))],
);

/** Opaque session tokens, stored as their SHA-256 so a database leak yields no usable token. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /**
     * Why the session was ended before it expired (SESSION_END_REASONS): kept, not deleted, so the next
     * request with its token can tell the reader why they must sign in again.
     */
    endedReason: text("ended_reason"),
    /**
     * The SHA-256 of the campus sign-on ticket (CAS service ticket) that opened the session, so that the
     * portal's single sign-out can end it; null for a password sign-in.
     */
    signOnTicket: text("sign_on_ticket"),
    /**
     * The ID token of an OIDC sign-on that opened the session: at sign-out it goes back to the provider
     * as `id_token_hint`, so that its end_session_endpoint ends the portal's session too (RP-initiated logout).
     */
    signOnIdToken: text("sign_on_id_token"),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_sign_on_ticket").on(t.signOnTicket)],
);

/**
 * Campus sign-ons under way (CAS or OIDC), between the redirect to the portal and its return. Keyed by
 * the SHA-256 of the random value in the browser's sign-on cookie, so a return the browser did not
 * start (login CSRF) finds nothing. For the task pane the row then carries the verified user until the
 * pane redeems its one-time handoff code (hashed too) for a session.
 */
export const signOnFlows = pgTable("sign_on_flows", {
  flowHash: text("flow_hash").primaryKey(),
  protocol: text("protocol", { enum: ["cas", "oidc"] }).notNull(),
  /** Who asked: the dashboard (session cookie) or the task pane (handoff code). */
  client: text("client", { enum: ["dashboard", "pane", "pane-dialog"] }).notNull(),
  /** OIDC: state, nonce and PKCE verifier; null for CAS. */
  state: text("state"),
  nonce: text("nonce"),
  codeVerifier: text("code_verifier"),
  handoffHash: text("handoff_hash").unique(),
  userId: integer("user_id").references(() => users.id),
  ticketHash: text("ticket_hash"),
  /** OIDC handoff: the ID token, passed to the pane's session for the provider's logout (id_token_hint). */
  idToken: text("id_token"),
  /** Dashboard: the page the reader was on (a reminder's link), where the return lands once signed in. */
  returnTo: text("return_to"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** Every campus ticket or authorization code ever presented (as SHA-256): each is used once. */
export const signOnTickets = pgTable("sign_on_tickets", {
  ticketHash: text("ticket_hash").primaryKey(),
  usedAt: timestamp("used_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Successful sign-ins: the addresses a user usually signs in from (services/auth/limiter.ts). */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    address: text("address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_username_at").on(t.username, t.at), index("sign_in_attempts_address_at").on(t.address, t.at)],
);

/**
 * Sign-in limiter windows, one row per key (`pair:`, `user:`, `address:`): a fixed window start and
 * the attempts in it. Counted with one upsert-and-return so that concurrent attempts cannot all
 * read "below the limit" (services/auth/limiter.ts).
 */
export const signInCounters = pgTable("sign_in_counters", {
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  attempts: integer("attempts").notNull(),
  /** The `user:` keys' progressive delay: no attempt is taken before this (null for the fixed windows). */
  heldUntil: timestamp("held_until", { withTimezone: true }),
});

/**
 * Campus sign-on as the administrator set it on the settings page: one row (id 1). Plain fields in
 * `config`; the OIDC client secret sealed (secret-box.ts), never sent back. Environment variables win
 * over each field (sign-on-config.ts). `revision` grows with every save.
 */
export const signOnSettings = pgTable(
  "sign_on_settings",
  {
    id: integer("id").primaryKey().default(1),
    config: jsonb("config").$type<Record<string, string>>().notNull(),
    clientSecret: text("client_secret"),
    revision: integer("revision").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("sign_on_settings_single", sql`${t.id} = 1`)],
);
