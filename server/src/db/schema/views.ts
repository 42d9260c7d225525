import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A saved view of a dashboard list (filters, columns, sort, grouping), private to its owner or shared
 * with roles. `state` is the page's URL search params, so opening a view is opening a link.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: serial("id").primaryKey(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id),
    /** Which list: "applications" today. */
    page: text("page").notNull(),
    name: text("name").notNull(),
    state: jsonb("state").notNull(),
    /** Roles that see the view besides its owner; empty: private. */
    sharedWithRoles: jsonb("shared_with_roles").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("saved_views_owner").on(t.ownerId, t.page)],
);
