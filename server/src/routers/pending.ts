import { z } from "zod";
import { pageInput } from "../services/paging";
import { liftPendingItem } from "../services/pending/lift-pending-item";
import { listPending } from "../services/pending/list-pending";
import { collegeFilter, procedureFor, router } from "../trpc";
import { academicYearInput, idInput, textInput } from "./inputs";

export const pendingRouter = router({
  /** 解除: a warning whose credits were cleared. */
  lift: procedureFor("pending.lift")
    .input(z.object({ itemId: idInput, reason: textInput(2000, 1) }))
    .mutation(({ ctx, input }) => liftPendingItem(ctx.db, { actor: ctx.viewer, itemId: input.itemId, reason: input.reason })),
  /** Preliminary opinions (学业警示, 留级, 退学) the rules produced, scoped to the caller's college when it has one. */
  list: procedureFor("pending.read")
    .input(
      pageInput.extend({
        academicYear: academicYearInput.optional(),
        kind: textInput(20).optional(),
        state: textInput(20).optional(),
        collegeId: idInput.optional(),
      }),
    )
    .query(({ ctx, input }) => listPending(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
});
