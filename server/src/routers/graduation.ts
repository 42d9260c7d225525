import { AppError, AUDIT_STAGES, mayAdvanceAudit } from "@xueji/shared";
import { z } from "zod";
import { dateInput, idInput, textInput } from "../inputs/inputs";
import { executeAudits } from "../services/graduation/execute-audits";
import { fileCompletionConversion } from "../services/graduation/file-completion-conversion";
import { listAudits } from "../services/graduation/list-audits";
import { exportCertificates, listCertificates } from "../services/graduation/list-certificates";
import {
  certificateListItem,
  cohortRunOutput,
  executionPreviewOutput,
  executionRefusal,
  graduationAuditOutput,
  graduationListItem,
  graduationSummaryOutput,
  stageMoveOutput,
} from "../services/graduation/outputs";
import { advanceAuditStage, auditSummary, overrideAudit } from "../services/graduation/override-audit";
import { previewExecution } from "../services/graduation/preview-execution";
import { recordDegreeFacts } from "../services/graduation/record-degree-facts";
import { runCohortAudit } from "../services/graduation/run-cohort-audit";
import { supplementDegree } from "../services/graduation/supplement-degree";
import { xlsxExportOutput } from "../services/insights/outputs";
import { pageInput, pageOutput } from "../services/paging";
import { graduateFreezeOverview } from "../services/students/graduate-freeze";
import { collegeFilter, collegeFor, procedureFor, router, toTrpcError } from "../trpc";

const cohort = z.number().int().min(2000).max(2100);
const executeOutput = z.object({
  executed: z.number(),
  graduated: z.number(),
  completed: z.number(),
  refused: z.array(z.object({ studentNo: z.string(), status: z.string(), refusals: z.array(executionRefusal) })),
  noticeNo: z.string().nullable(),
});
const convertOutput = z.object({ applicationId: z.number(), stage: z.string() });

/** 毕业/学位资格审查 (docs/domain.md §6). */
export const graduationRouter = router({
  run: procedureFor("graduation.run")
    .input(
      z.object({
        cohort,
        collegeId: idInput.optional(),
        graduationDate: dateInput.optional(),
      }),
    )
    .output(cohortRunOutput)
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
    .output(graduationSummaryOutput)
    .query(({ ctx, input }) => auditSummary(ctx.db, { cohort: input.cohort, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  /** seed 000 六.1: the year's graduates' data freeze — from when, whether it holds today, and the per-student lifts. */
  freeze: procedureFor("graduation.read")
    .input(z.object({ collegeId: idInput.optional() }))
    .output(
      z.object({
        academicYear: z.string(),
        cohort: z.number(),
        from: z.string(),
        frozen: z.boolean(),
        lifts: z.array(z.object({ studentNo: z.string(), name: z.string(), reason: z.string(), by: z.string(), at: z.string() })),
      }),
    )
    .query(({ ctx, input }) =>
      graduateFreezeOverview(ctx.db, { today: ctx.today(), collegeId: collegeFilter(ctx.scope, input.collegeId) }),
    ),
  list: procedureFor("graduation.read")
    .input(pageInput.extend({ cohort, collegeId: idInput.optional(), outcome: z.enum(["graduate", "complete"]).optional() }))
    .output(pageOutput(graduationListItem))
    .query(({ ctx, input }) => listAudits(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId), locale: ctx.locale })),
  override: procedureFor("graduation.override")
    .input(
      z.object({
        auditId: idInput,
        outcome: z.enum(["graduate", "complete"]),
        degree: z.enum(["award", "withhold"]),
        reason: textInput(2000, 1),
      }),
    )
    .output(graduationAuditOutput)
    .mutation(({ ctx, input }) => overrideAudit(ctx.db, { actor: ctx.viewer, ...input })),
  advance: procedureFor("graduation.advance")
    .input(
      z.object({
        cohort,
        collegeId: idInput.optional(),
        from: z.enum(AUDIT_STAGES),
        /** 学位委员会: the meeting's date and number, from its minutes. */
        committee: z.object({ decidedOn: dateInput, meetingNo: textInput(60, 1) }).optional(),
      }),
    )
    .output(stageMoveOutput)
    .mutation(({ ctx, input }) => {
      const collegeId = collegeFor(ctx.scope, input.collegeId);
      if (!mayAdvanceAudit(ctx.user.role, input.from)) throw toTrpcError(new AppError("auth.forbidden", { role: ctx.user.role }));
      return advanceAuditStage(ctx.db, {
        actor: ctx.viewer,
        cohort: input.cohort,
        collegeId,
        from: input.from,
        committee: input.committee,
      });
    }),
  /** 执行: the approved list of a college changes each status to 毕业 or 结业 and numbers the certificates. */
  execute: procedureFor("graduation.run")
    .input(z.object({ cohort, collegeId: z.number().int(), graduationDate: dateInput.optional() }))
    .output(executeOutput)
    .mutation(({ ctx, input }) =>
      executeAudits(ctx.db, {
        actor: ctx.viewer,
        cohort: input.cohort,
        collegeId: input.collegeId,
        graduationDate: input.graduationDate,
        today: ctx.today(),
      }),
    ),
  /** 执行预览: what `execute` would do now, student by student — the same plan, with the numbers it would issue. */
  executionPreview: procedureFor("graduation.read")
    .input(
      pageInput.extend({
        cohort,
        collegeId: idInput.optional(),
        graduationDate: dateInput.optional(),
        filter: z.enum(["planned", "refused", "done"]).optional(),
      }),
    )
    .output(executionPreviewOutput)
    .query(({ ctx, input }) => previewExecution(ctx.db, { ...input, collegeId: collegeFor(ctx.scope, input.collegeId) })),
  /** 学历证书名单: the certificates numbered in a year, by college and major. */
  certificates: procedureFor("graduation.read")
    .input(
      pageInput.extend({
        year: cohort,
        collegeId: idInput.optional(),
        majorId: idInput.optional(),
        kind: z.enum(["graduation", "completion"]).optional(),
      }),
    )
    .output(pageOutput(certificateListItem))
    .query(({ ctx, input }) => listCertificates(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  exportCertificates: procedureFor("graduation.read")
    .input(
      z.object({
        year: cohort,
        collegeId: idInput.optional(),
        majorId: idInput.optional(),
        kind: z.enum(["graduation", "completion"]).optional(),
      }),
    )
    .output(xlsxExportOutput)
    .query(({ ctx, input }) => exportCertificates(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) }, ctx.locale)),
  /**
   * 结业换毕业: files the 结业 student's application (audited again now) and submits it up its chain of
   * signatures; 办理 then makes 毕业 with a new certificate replacing the 结业 one.
   */
  convertCompletion: procedureFor("graduation.run")
    .input(z.object({ studentNo: z.string().min(1).max(30), reason: textInput(2000, 1) }))
    .output(convertOutput)
    .mutation(({ ctx, input }) =>
      fileCompletionConversion(ctx.db, {
        actor: ctx.viewer,
        studentNo: input.studentNo,
        scopeCollegeId: ctx.scope.collegeId,
        reason: input.reason,
        today: ctx.today(),
      }),
    ),
  /** 学位补授: a graduate without a degree who meets the conditions later, on the 学位委员会's recorded decision. */
  supplementDegree: procedureFor("graduation.run")
    .input(
      z.object({
        studentNo: z.string().min(1).max(30),
        committee: z.object({ decidedOn: dateInput, meetingNo: textInput(60, 1) }),
      }),
    )
    .output(z.object({ studentNo: z.string(), certificateNo: z.string(), degreeAwardedOn: z.string() }))
    .mutation(({ ctx, input }) => supplementDegree(ctx.db, { actor: ctx.viewer, ...input })),
  /** The data degree conditions read (GPA, CET-4 …), brought into the record from the academic system or a sheet. */
  recordFacts: procedureFor("graduation.run")
    .input(
      z.object({
        items: z
          .array(
            z.object({
              studentNo: z.string().min(1).max(30),
              gpa: z.number().min(0).max(5).nullable().optional(),
              facts: z
                .record(
                  z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/),
                  z.union([z.string().max(100), z.number().finite(), z.boolean(), z.null()]),
                )
                .optional(),
            }),
          )
          .min(1)
          .max(5000),
      }),
    )
    .output(z.object({ updated: z.number(), unknown: z.array(z.string()) }))
    .mutation(({ ctx, input }) => recordDegreeFacts(ctx.db, { actor: ctx.viewer, items: input.items })),
});
