import { APPLICATION_TYPES, MATERIALS, type Material } from "@xueji/shared";
import { z } from "zod";
import { applicationTimeline, studentHistory } from "../services/applications/application-timeline";
import { bulkDecide } from "../services/applications/bulk-decide";
import { decideApplication } from "../services/applications/decide-application";
import { fileApplication } from "../services/applications/file-application";
import { listApplications } from "../services/applications/list-applications";
import { takeUpPendingItem } from "../services/applications/take-up-pending-item";
import { pageInput } from "../services/paging";
import { collegeFilter, procedureFor, router } from "../trpc";
import { idInput, noteInput, studentNoInput, textInput } from "./inputs";

const decision = z.object({
  action: z.enum(["submit", "advance", "return", "reject"]),
  opinion: noteInput.optional(),
  returnTo: z.enum(["previous", "college"]).optional(),
});
const versioned = z.object({ applicationId: idInput, expectedVersion: idInput });

export const applicationsRouter = router({
  file: procedureFor("applications.file")
    .input(
      z.object({
        studentNo: studentNoInput,
        type: z.enum(APPLICATION_TYPES),
        reasonCode: textInput(20, 1),
        materials: z.array(z.enum(Object.keys(MATERIALS) as [Material, ...Material[]])).max(30),
        changes: z.record(textInput(40), z.union([textInput(100), z.number().finite()])).optional(),
        note: noteInput.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      fileApplication(ctx.db, {
        actor: ctx.viewer,
        scopeCollegeId: ctx.scope.collegeId,
        studentNo: input.studentNo,
        type: input.type,
        reasonCode: input.reasonCode,
        materials: input.materials,
        ...(input.changes ? { changes: input.changes } : {}),
        note: input.note ?? null,
        today: ctx.today(),
      }),
    ),
  /** 报送: the college's secretary sends a complete draft on to the first stage. */
  submit: procedureFor("applications.file")
    .input(versioned)
    .mutation(({ ctx, input }) => decideApplication(ctx.db, { actor: ctx.viewer, ...input, action: "submit", today: ctx.today() })),
  /** A decision at the current stage by its deciding role (and 报送 by the registrar on a college's behalf). */
  decide: procedureFor("applications.decide")
    .input(decision.extend(versioned.shape))
    .mutation(({ ctx, input }) =>
      decideApplication(ctx.db, {
        actor: ctx.viewer,
        applicationId: input.applicationId,
        expectedVersion: input.expectedVersion,
        action: input.action,
        opinion: input.opinion ?? null,
        ...(input.returnTo ? { returnTo: input.returnTo } : {}),
        today: ctx.today(),
      }),
    ),
  bulkDecide: procedureFor("applications.decide")
    .input(decision.extend({ items: z.array(versioned).min(1).max(500) }))
    .mutation(({ ctx, input }) =>
      bulkDecide(
        ctx.db,
        input.items,
        {
          actor: ctx.viewer,
          action: input.action,
          opinion: input.opinion ?? null,
          ...(input.returnTo ? { returnTo: input.returnTo } : {}),
          today: ctx.today(),
        },
        ctx.locale,
      ),
    ),
  /** 退学处理 from a 退学 outcome of the standing rules. */
  fromPending: procedureFor("pending.take-up")
    .input(z.object({ itemId: idInput }))
    .mutation(({ ctx, input }) => takeUpPendingItem(ctx.db, { actor: ctx.viewer, itemId: input.itemId, today: ctx.today() })),
  list: procedureFor("applications.read")
    .input(
      pageInput.extend({
        collegeId: idInput.optional(),
        type: z.enum(APPLICATION_TYPES).optional(),
        stage: textInput(30).optional(),
        state: z.enum(["open", "done", "rejected"]).optional(),
        overdue: z.boolean().optional(),
        sort: z.enum(["filed", "due"]).default("filed"),
        direction: z.enum(["asc", "desc"]).default("desc"),
      }),
    )
    .query(({ ctx, input }) =>
      listApplications(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId), today: ctx.today() }),
    ),
  timeline: procedureFor("applications.read")
    .input(z.object({ applicationId: idInput }))
    .query(({ ctx, input }) => applicationTimeline(ctx.db, ctx.viewer, input.applicationId)),
  studentHistory: procedureFor("students.read")
    .input(pageInput.extend({ studentNo: studentNoInput }))
    .query(({ ctx, input }) => studentHistory(ctx.db, ctx.viewer, input)),
});
