import { z } from "zod";
import { PENDING_KINDS, PENDING_STATES } from "../db/schema/enums";
import { academicYearInput, idInput, textInput } from "../inputs/inputs";
import { pageInput, pageOutput } from "../services/paging";
import { demotionPreview } from "../services/pending/demotion-preview";
import { liftPendingItem } from "../services/pending/lift-pending-item";
import { listPending } from "../services/pending/list-pending";
import { pendingItemOutput, pendingListItem } from "../services/pending/outputs";
import { collegeFilter, procedureFor, router } from "../trpc";

export const pendingRouter = router({
  /** 解除: a warning whose credits were cleared. */
  lift: procedureFor("pending.lift")
    .input(z.object({ itemId: idInput, reason: textInput(2000, 1) }))
    .output(pendingItemOutput)
    .mutation(({ ctx, input }) => liftPendingItem(ctx.db, { actor: ctx.viewer, itemId: input.itemId, reason: input.reason })),
  /** What taking a 留级 to 降级（学业原因） would change: grade, class, expected graduation; the classes to choose from. */
  demotionPreview: procedureFor("pending.take-up")
    .input(z.object({ itemId: idInput }))
    .output(
      z.object({
        itemId: z.number(),
        state: z.enum(PENDING_STATES),
        studentNo: z.string(),
        name: z.string(),
        before: z.object({ grade: z.number(), className: z.string().nullable(), expectedGraduationDate: z.string() }),
        after: z.object({ grade: z.number(), expectedGraduationDate: z.string() }),
        classes: z.array(z.object({ id: z.number(), name: z.string() })),
      }),
    )
    .query(({ ctx, input }) => demotionPreview(ctx.db, { viewer: ctx.viewer, itemId: input.itemId })),
  /** Preliminary opinions (学业警示, 留级, 退学) the rules produced, scoped to the caller's college when it has one. */
  list: procedureFor("pending.read")
    .input(
      pageInput.extend({
        academicYear: academicYearInput.optional(),
        kind: z.enum(PENDING_KINDS).optional(),
        state: z.enum(PENDING_STATES).optional(),
        collegeId: idInput.optional(),
      }),
    )
    .output(pageOutput(pendingListItem))
    .query(({ ctx, input }) => listPending(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
});
