import { APPLICATION_TYPES, ROLES } from "@xueji/shared";
import { z } from "zod";
import { idInput, textInput } from "../inputs/inputs";
import { APPLICATION_GROUPINGS } from "../services/applications/count-application-groups";
import { pageInput, pageOutput } from "../services/paging";
import { okOutput, savedViewIdOutput, savedViewOutput } from "../services/views/outputs";
import { deleteView, listViews, saveView } from "../services/views/saved-views";
import { procedureFor, router } from "../trpc";

const page = z.enum(["applications"]);
/**
 * A view's state is the applications list's URL search params: filters, columns, sort and grouping. Every
 * member is optional, so a view saved before grouping existed (no `group`) still loads as it was; an
 * unknown member or value is refused here rather than stored and silently dropped when the view opens.
 */
const state = z
  .object({
    type: z.enum(APPLICATION_TYPES).optional(),
    stage: textInput(30).optional(),
    state: z.enum(["open", "done", "rejected"]).optional(),
    collegeId: idInput.optional(),
    overdue: z.boolean().optional(),
    sort: z.enum(["filed", "due"]).optional(),
    dir: z.enum(["asc", "desc"]).optional(),
    cols: z.array(textInput(40)).max(40).optional(),
    group: z.enum(APPLICATION_GROUPINGS).optional(),
  })
  .strict();

/** Saved views of the dashboard's lists, private or shared with roles. */
export const viewsRouter = router({
  list: procedureFor("applications.read")
    .input(pageInput.extend({ page }))
    .output(pageOutput(savedViewOutput))
    .query(({ ctx, input }) => listViews(ctx.db, ctx.viewer, input.page, input)),
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
    .mutation(({ ctx, input }) => saveView(ctx.db, ctx.viewer, input)),
  remove: procedureFor("applications.read")
    .input(z.object({ id: idInput }))
    .output(okOutput)
    .mutation(({ ctx, input }) => deleteView(ctx.db, ctx.viewer, input.id)),
});
