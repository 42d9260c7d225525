import { z } from "zod";
import { pipelineCounts } from "../services/dashboard/pipeline-counts";
import { sheetProgress } from "../services/dashboard/sheet-progress";
import { collegeFilter, procedureFor, router } from "../trpc";
import { idInput, termInput } from "./inputs";
import { pipelineOutput, sheetProgressOutput } from "./outputs";

/** The queries the registrar's dashboard draws. */
export const dashboardRouter = router({
  pipeline: procedureFor("applications.read")
    .input(z.object({ collegeId: idInput.optional() }))
    .output(pipelineOutput)
    .query(({ ctx, input }) => pipelineCounts(ctx.db, { today: ctx.today(), collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  sheetProgress: procedureFor("sheets.read")
    .input(z.object({ termCode: termInput, collegeId: idInput.optional() }))
    .output(sheetProgressOutput)
    .query(({ ctx, input }) =>
      sheetProgress(ctx.db, { termCode: input.termCode, today: ctx.today(), collegeId: collegeFilter(ctx.scope, input.collegeId) }),
    ),
});
