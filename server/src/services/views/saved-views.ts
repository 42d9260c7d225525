import { AppError, type Role } from "@xueji/shared";
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { savedViews, users } from "../../db/schema";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";

export interface ViewOwner {
  userId: number;
  role: Role;
}

export interface ViewInput {
  page: string;
  name: string;
  state: Record<string, unknown>;
  sharedWithRoles: Role[];
}

const columns = {
  id: savedViews.id,
  page: savedViews.page,
  name: savedViews.name,
  state: savedViews.state,
  sharedWithRoles: savedViews.sharedWithRoles,
  ownerId: savedViews.ownerId,
  ownerName: users.displayName,
  updatedAt: savedViews.updatedAt,
};

const BY_NAME: Keyset = {
  name: "views-by-name",
  parts: [
    { expr: savedViews.name, type: "text" },
    { expr: savedViews.id, type: "int8" },
  ],
  direction: "asc",
};

/**
 * The views a user sees on a page: their own, and those shared with their role, by name, a page at a
 * time (services/paging.ts): up to 50 own and 100 shared ones, however many roles share with her.
 */
export async function listViews(db: Db, who: ViewOwner, page: string, paging: PageOptions) {
  const rows = await db
    .select({ ...columns, ...keyColumns(BY_NAME) })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(
      and(
        eq(savedViews.page, page),
        or(eq(savedViews.ownerId, who.userId), sql`${savedViews.sharedWithRoles} ? ${who.role}`),
        afterCursor(BY_NAME, paging.cursor),
      ),
    )
    .orderBy(...keysetOrder(BY_NAME))
    .limit(paging.limit + 1);
  return toPage(BY_NAME, rows, paging.limit, (r) => {
    const view = withoutKeys(r);
    return { ...view, state: view.state as Record<string, unknown>, mine: view.ownerId === who.userId };
  });
}

/**
 * What one list may carry, so that what everyone loads on opening it stays small: a user's own views of a page,
 * and the views shared with anyone on a page (one user sharing thousands made every reader load megabytes).
 */
export const MAX_OWN_VIEWS = 50;
export const MAX_SHARED_VIEWS = 100;
// Serialises saves per page, so that two at once cannot both pass the count (the lock ends with the transaction).
const VIEWS_LOCK = 727_003;

/** Creates a view, or (with `id`) replaces one the user owns; another's view is refused as not found. */
export async function saveView(db: Db, who: ViewOwner, input: ViewInput & { id?: number }) {
  const values = {
    page: input.page,
    name: input.name.trim(),
    state: input.state,
    sharedWithRoles: [...new Set(input.sharedWithRoles)],
  };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${VIEWS_LOCK}, hashtext(${input.page}))`);
    const others = input.id === undefined ? sql`true` : sql`${savedViews.id} <> ${input.id}`;
    const [counts] = await tx
      .select({
        own: sql<number>`count(*) filter (where ${savedViews.ownerId} = ${who.userId})::int`,
        shared: sql<number>`count(*) filter (where jsonb_array_length(${savedViews.sharedWithRoles}) > 0)::int`,
      })
      .from(savedViews)
      .where(and(eq(savedViews.page, input.page), others));
    if (input.id === undefined && (counts?.own ?? 0) >= MAX_OWN_VIEWS) throw new AppError("view.too-many", { limit: MAX_OWN_VIEWS });
    if (values.sharedWithRoles.length > 0 && (counts?.shared ?? 0) >= MAX_SHARED_VIEWS)
      throw new AppError("view.too-many-shared", { limit: MAX_SHARED_VIEWS });
    if (input.id === undefined) {
      const [created] = await tx
        .insert(savedViews)
        .values({ ...values, ownerId: who.userId })
        .returning({ id: savedViews.id });
      return { id: (created as { id: number }).id };
    }
    const updated = await tx
      .update(savedViews)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(savedViews.id, input.id), eq(savedViews.ownerId, who.userId)))
      .returning({ id: savedViews.id });
    if (updated.length === 0) throw new AppError("view.not-found");
    return { id: input.id };
  });
}

/** Deletes a view the user owns. */
export async function deleteView(db: Db, who: ViewOwner, id: number) {
  const deleted = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.ownerId, who.userId)))
    .returning({ id: savedViews.id });
  if (deleted.length === 0) throw new AppError("view.not-found");
  return { ok: true };
}
