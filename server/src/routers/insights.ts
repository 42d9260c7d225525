import { APPLICATION_TYPES } from "@xueji/shared";
import { z } from "zod";
import { academicYearInput, dateInput, idInput, termInput, textInput } from "../inputs/inputs";
import { pipelineOutput } from "../services/dashboard/outputs";
import { pipelineCounts } from "../services/dashboard/pipeline-counts";
import { termSheetProgress } from "../services/dashboard/sheet-progress";
import { systemWarnings, systemWarningsOutput } from "../services/dashboard/system-warnings";
import { auditPassRates } from "../services/insights/audit-pass-rates";
import { EXPORT_COLUMNS, exportApplications } from "../services/insights/export-applications";
import { exportGraduation } from "../services/insights/export-graduation";
import { leadTimes } from "../services/insights/lead-times";
import { myInbox, myInboxOutput } from "../services/insights/my-inbox";
import { myWork } from "../services/insights/my-work";
import {
  auditPassRatesOutput,
  leadTimesOutput,
  myWorkOutput,
  standingByCollegeOutput,
  xlsxExportOutput,
} from "../services/insights/outputs";
import { standingOfYear } from "../services/insights/standing-by-college";
import { currentAcademicYear } from "../services/organisation/current-academic-year";
import { pageInput } from "../services/paging";
import { termSheetProgressOutput } from "../services/sheets/outputs";
import { authedProcedure, collegeFilter, procedureFor, router } from "../trpc";

/** Answers the dashboard draws that the record's own routers do not give: the pipeline, warnings, my work, lead times, standing by college. */
export const insightsRouter = router({
  /** The applications list as filtered, sorted and with the columns the reader chose, as a text-only .xlsx. */
  exportApplications: procedureFor("applications.read")
    .input(
      z.object({
        collegeId: idInput.optional(),
        type: z.enum(APPLICATION_TYPES).optional(),
        stage: textInput(30).optional(),
        state: z.enum(["open", "done", "rejected"]).optional(),
        overdue: z.boolean().optional(),
        sort: z.enum(["filed", "due"]).default("filed"),
        direction: z.enum(["asc", "desc"]).default("desc"),
        columns: z.array(z.enum(EXPORT_COLUMNS)).min(1).max(EXPORT_COLUMNS.length),
      }),
    )
    .output(xlsxExportOutput)
    .query(({ ctx, input }) => {
      const { columns, ...filters } = input;
      return exportApplications(
        ctx.db,
        { ...filters, collegeId: collegeFilter(ctx.scope, input.collegeId), today: ctx.today() },
        columns,
        ctx.locale,
      );
    }),
  /** A cohort's graduation audit results as a text-only .xlsx. */
  exportGraduation: procedureFor("graduation.read")
    .input(
      z.object({
        cohort: z.number().int().min(2000).max(2100),
        collegeId: idInput.optional(),
        outcome: z.enum(["graduate", "complete"]).optional(),
      }),
    )
    .output(xlsxExportOutput)
    .query(({ ctx, input }) => exportGraduation(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) }, ctx.locale)),
  /** Colleges' check sheets against the calendar, for the term named or else the current one (so the overview needs no second round trip). */
  sheetProgress: procedureFor("sheets.read")
    .input(z.object({ termCode: termInput.optional(), collegeId: idInput.optional() }))
    .output(termSheetProgressOutput)
    .query(({ ctx, input }) =>
      termSheetProgress(ctx.db, { termCode: input.termCode, today: ctx.today(), collegeId: collegeFilter(ctx.scope, input.collegeId) }),
    ),
  /** Graduation audit results by college for a cohort; by default the latest audited, else the one graduating this academic year. */
  auditPassRates: procedureFor("graduation.read")
    .input(z.object({ cohort: z.number().int().min(2000).max(2100).optional(), collegeId: idInput.optional() }))
    .output(auditPassRatesOutput)
    .query(({ ctx, input }) =>
      auditPassRates(ctx.db, { cohort: input.cohort, today: ctx.today(), collegeId: collegeFilter(ctx.scope, input.collegeId) }),
    ),
  myWork: procedureFor("applications.read")
    .input(pageInput)
    .output(myWorkOutput)
    .query(({ ctx, input }) =>
      myWork(ctx.db, {
        worker: ctx.viewer,
        today: ctx.today(),
        cursor: input.cursor,
        limit: input.limit,
      }),
    ),
  /** 我的待办 beyond applications: the sheets and 学业预警 that wait for the signed-in role. */
  myInbox: procedureFor("applications.read")
    .output(myInboxOutput)
    .query(({ ctx }) => myInbox(ctx.db, { worker: ctx.viewer, today: ctx.today() })),
  leadTimes: procedureFor("applications.read")
    .input(z.object({ since: dateInput.optional(), collegeId: idInput.optional() }))
    .output(leadTimesOutput)
    .query(async ({ ctx, input }) => {
      const today = ctx.today();
      // Default: this academic year, as the terms say it (from 1 August, seed 004's year).
      const since = input.since ?? `${(await currentAcademicYear(ctx.db, today)).slice(0, 4)}-08-01`;
      return leadTimes(ctx.db, { since, today, collegeId: collegeFilter(ctx.scope, input.collegeId) });
    }),
  standingByCollege: procedureFor("pending.read")
    .input(
      z.object({
        academicYear: academicYearInput.optional(),
        collegeId: idInput.optional(),
      }),
    )
    .output(standingByCollegeOutput)
    .query(({ ctx, input }) =>
      standingOfYear(ctx.db, {
        academicYear: input.academicYear,
        today: ctx.today(),
        collegeId: collegeFilter(ctx.scope, input.collegeId),
      }),
    ),
  pipeline: procedureFor("applications.read")
    .input(z.object({ collegeId: idInput.optional() }))
    .output(pipelineOutput)
    .query(({ ctx, input }) => pipelineCounts(ctx.db, { today: ctx.today(), collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  /** What the screens must warn about: every signed-in reader (provisional deadlines), the fix for those who can make it. */
  warnings: authedProcedure
    .output(systemWarningsOutput)
    .query(({ ctx }) => systemWarnings(ctx.db, { today: ctx.today(), role: ctx.user.role, locale: ctx.locale })),
});
