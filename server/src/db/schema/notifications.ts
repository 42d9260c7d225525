import { bigserial, boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { oneOf } from "./enums";
import { colleges } from "./organisation";
import { users } from "./users";

export const CHANNEL_KINDS = ["wecom", "dingtalk", "email"] as const;
export const OUTBOX_STATES = ["pending", "sending", "sent", "failed"] as const;

/**
 * Where a college's or the registrar office's reminders go: a 企业微信 or 钉钉 group robot, or SMTP mail.
 * `config` holds what may be shown back (SMTP host, sender, recipients); `secrets` holds, per secret
 * field, either its AES-GCM ciphertext or the name of the environment variable that carries it, so the
 * value itself is never in a row a backup or a screen can show.
 */
export const notificationChannels = pgTable(
  "notification_channels",
  {
    id: serial("id").primaryKey(),
    /** Null: the registrar office (教务处学籍科). */
    collegeId: integer("college_id").references(() => colleges.id),
    kind: text("kind", { enum: CHANNEL_KINDS }).notNull(),
    enabled: boolean("enabled").notNull().default(true),
    config: jsonb("config").$type<Record<string, string | number | boolean>>().notNull(),
    secrets: jsonb("secrets").$type<Record<string, { cipher: string } | { env: string }>>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("notification_channels_kind", oneOf(t.kind, CHANNEL_KINDS)), index("notification_channels_college").on(t.collegeId)],
);

/**
 * The outbox: a message is written in the transaction of the event that causes it, one row per channel,
 * then delivered by deliverOutbox. `dedupeKey` keeps a periodic message (a day's digest, a college's
 * lateness) from being queued twice, whichever process queues it.
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    channelId: integer("channel_id")
      .notNull()
      .references(() => notificationChannels.id),
    recipientUserId: integer("recipient_user_id").references(() => users.id),
    event: text("event").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    dedupeKey: text("dedupe_key"),
    state: text("state", { enum: OUTBOX_STATES }).notNull().default("pending"),
    /** Deliveries really tried: the channel called (deliver-outbox.ts). */
    attempts: integer("attempts").notNull().default(0),
    /** Claims taken over after their lease ran out (the process holding them died): bounded apart from attempts. */
    takeovers: integer("takeovers").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: after this another process may take the message over (its sender died). */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("notification_outbox_state", oneOf(t.state, OUTBOX_STATES)),
    unique("notification_outbox_dedupe").on(t.channelId, t.dedupeKey),
    index("notification_outbox_due").on(t.state, t.nextAttemptAt),
    index("notification_outbox_channel_attempt").on(t.channelId, t.lastAttemptAt),
    index("notification_outbox_created").on(t.createdAt, t.id),
  ],
);
