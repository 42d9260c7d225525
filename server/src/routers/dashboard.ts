import { z } from "zod";
import { pipelineOutput } from "../services/dashboard/outputs";
import { pipelineCounts } from "../services/dashboard/pipeline-counts";
import { systemWarnings, systemWarningsOutput } from "../services/dashboard/system-warnings";
import { authedProcedure, collegeFilter, procedureFor, router } from "../trpc";
import { idInput } from "./inputs";

/** The queries the registrar's dashboard draws. (Sheet progress is `insights.sheetProgress`, which the overview reads.) */
export const dashboardRouter = router({
  pipeline: procedureFor("applications.read")
    .input(z.object({ collegeId: idInput.optional() }))
    .output(pipelineOutput)
    .query(({ ctx, input }) => pipelineCounts(ctx.db, { today: ctx.today(), collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  /** What the screens must warn about: every signed-in reader (provisional deadlines), the fix for those who can make it. */
  warnings: authedProcedure
    .output(systemWarningsOutput)
    .query(({ ctx }) => systemWarnings(ctx.db, { today: ctx.today(), role: ctx.user.role, locale: ctx.locale })),
});
