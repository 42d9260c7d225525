import { z } from "zod";
import { pipelineCounts } from "../services/dashboard/pipeline-counts";
import { sheetProgress } from "../services/dashboard/sheet-progress";
import { collegeFilter, procedureFor, router } from "../trpc";
import { idInput, termInput } from "./inputs";

/** The queries the registrar's dashboard draws. */
export const dashboardRouter = router({
  pipeline: procedureFor("applications.read")
    .input(z.object({ collegeId: idInput.optional() }))
    .query(({ ctx, input }) => pipelineCounts(ctx.db, { today: ctx.today(), collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  sheetProgress: procedureFor("sheets.read")
    .input(z.object({ termCode: termInput, collegeId: idInput.optional() }))
    .query(({ ctx, input }) =>
      sheetProgress(ctx.db, { termCode: input.termCode, today: ctx.today(), collegeId: collegeFilter(ctx.scope, input.collegeId) }),
    ),
});
