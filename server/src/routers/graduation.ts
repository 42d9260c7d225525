import { AppError, AUDIT_STAGES } from "@xueji/shared";
import { z } from "zod";
import { listAudits } from "../services/graduation/list-audits";
import { advanceAuditStage, auditSummary, overrideAudit } from "../services/graduation/override-audit";
import { runCohortAudit } from "../services/graduation/run-cohort-audit";
import { pageInput } from "../services/paging";
import { collegeFilter, collegeFor, procedureFor, router, toTrpcError } from "../trpc";
import { idInput, textInput } from "./inputs";

const cohort = z.number().int().min(2000).max(2100);

/** 毕业/学位资格审查 (DOMAIN.md §6). */
export const graduationRouter = router({
  run: procedureFor("graduation.run")
    .input(
      z.object({
        cohort,
        collegeId: idInput.optional(),
        graduationDate: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      runCohortAudit(ctx.db, {
        actor: ctx.viewer,
        cohort: input.cohort,
        collegeId: input.collegeId,
        ...(input.graduationDate ? { graduationDate: input.graduationDate } : {}),
      }),
    ),
  summary: procedureFor("graduation.read")
    .input(z.object({ cohort, collegeId: idInput.optional() }))
    .query(({ ctx, input }) => auditSummary(ctx.db, { cohort: input.cohort, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  list: procedureFor("graduation.read")
    .input(pageInput.extend({ cohort, collegeId: idInput.optional(), outcome: z.enum(["graduate", "complete"]).optional() }))
    .query(({ ctx, input }) => listAudits(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  override: procedureFor("graduation.override")
    .input(
      z.object({
        auditId: idInput,
        outcome: z.enum(["graduate", "complete"]),
        degree: z.enum(["award", "withhold"]),
        reason: textInput(2000, 1),
      }),
    )
    .mutation(({ ctx, input }) => overrideAudit(ctx.db, { actor: ctx.viewer, ...input })),
  advance: procedureFor("graduation.advance")
    .input(z.object({ cohort, collegeId: idInput.optional(), from: z.enum(AUDIT_STAGES) }))
    .mutation(({ ctx, input }) => {
      const collegeId = collegeFor(ctx.scope, input.collegeId);
      if (ctx.user.role === "college-leader" && input.from !== "college-review")
        throw toTrpcError(new AppError("auth.forbidden", { role: ctx.user.role }));
      return advanceAuditStage(ctx.db, { actor: ctx.viewer, cohort: input.cohort, collegeId, from: input.from });
    }),
});
