import { ROLES } from "@xueji/shared";
import { z } from "zod";
import { deleteView, listViews, saveView } from "../services/views/saved-views";
import { procedureFor, router } from "../trpc";

const page = z.enum(["applications"]);
// A view's state is the page's URL search params: small, flat, JSON.
const state = z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.string().max(40)).max(40)]));

/** Saved views of the dashboard's lists, private or shared with roles. */
export const viewsRouter = router({
  list: procedureFor("applications.read")
    .input(z.object({ page }))
    .query(({ ctx, input }) => listViews(ctx.db, { userId: ctx.user.id, role: ctx.user.role }, input.page)),
  save: procedureFor("applications.read")
    .input(
      z.object({
        id: z.number().int().positive().optional(),
        page,
        name: z.string().trim().min(1).max(60),
        state,
        sharedWithRoles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
      }),
    )
    .mutation(({ ctx, input }) => saveView(ctx.db, { userId: ctx.user.id, role: ctx.user.role }, input)),
  remove: procedureFor("applications.read")
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => deleteView(ctx.db, { userId: ctx.user.id, role: ctx.user.role }, input.id)),
});
