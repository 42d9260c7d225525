import { referenceOutput } from "../services/reference/outputs";
import { referenceData } from "../services/reference/reference-data";
import { authedProcedure, router } from "../trpc";

/**
 * Labels and filters for the dashboard. Open to any signed-in user: it holds no personal data, only the
 * university's colleges, majors, terms and the workflows in force.
 */
export const referenceRouter = router({
  all: authedProcedure.output(referenceOutput).query(({ ctx }) => referenceData(ctx.db, ctx.today())),
});
