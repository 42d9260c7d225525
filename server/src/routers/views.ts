import { ROLES } from "@xueji/shared";
import { z } from "zod";
import { deleteView, listViews, saveView } from "../services/views/saved-views";
import { procedureFor, router } from "../trpc";
import { idInput, textInput } from "./inputs";
import { okOutput, savedViewIdOutput, savedViewOutput } from "./outputs";

const page = z.enum(["applications"]);
// A view's state is the page's URL search params: small, flat, JSON.
const state = z.record(textInput(40), z.union([textInput(200), z.number(), z.boolean(), z.array(textInput(40)).max(40)]));

/** Saved views of the dashboard's lists, private or shared with roles. */
export const viewsRouter = router({
  list: procedureFor("applications.read")
    .input(z.object({ page }))
    .output(z.array(savedViewOutput))
    .query(({ ctx, input }) => listViews(ctx.db, { userId: ctx.user.id, role: ctx.user.role }, input.page)),
  save: procedureFor("applications.read")
    .input(
      z.object({
        id: idInput.optional(),
        page,
        name: textInput(60).trim().min(1),
        state,
        sharedWithRoles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
      }),
    )
    .output(savedViewIdOutput)
    .mutation(({ ctx, input }) => saveView(ctx.db, { userId: ctx.user.id, role: ctx.user.role }, input)),
  remove: procedureFor("applications.read")
    .input(z.object({ id: idInput }))
    .output(okOutput)
    .mutation(({ ctx, input }) => deleteView(ctx.db, { userId: ctx.user.id, role: ctx.user.role }, input.id)),
});
