import { index, integer, jsonb, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Low-code settings (rule sets, workflows, sheet templates, holidays, the registrar's calendar):
 * every change is a new version, valid from an academic year, with who and why. Nothing is edited
 * in place, so what applied to a past decision can always be read back.
 */
export const settingVersions = pgTable(
  "setting_versions",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    validFrom: text("valid_from").notNull(),
    value: jsonb("value").notNull(),
    reason: text("reason").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("setting_versions_version").on(t.kind, t.key, t.version), index("setting_versions_lookup").on(t.kind, t.key, t.validFrom)],
);
