import { formatMessage, isReceiptCode } from "@xueji/shared";
import { gridSchema } from "@xueji/shared/wire/grid";
import { z } from "zod";
import { SUBMISSION_STATES } from "../db/schema/enums";
import {
  academicYearInput,
  columnOverrideInput,
  idInput,
  noteInput,
  refineGridSize,
  sheetKindInput,
  termInput,
  textInput,
} from "../inputs/inputs";
import { currentAcademicYear } from "../services/organisation/current-academic-year";
import { pageInput, pageOutput } from "../services/paging";
import { checkRulesInForce, checkSheet } from "../services/sheets/check-sheet";
import { diffSubmissions } from "../services/sheets/diff-submissions";
import { getSubmission } from "../services/sheets/get-submission";
import { listSubmissions } from "../services/sheets/list-submissions";
import {
  checkRulesOutput,
  diffOutput,
  receiptOutput,
  reviewOutput,
  submissionListItem,
  submissionWithRowsOutput,
  validationOutput,
} from "../services/sheets/outputs";
import { reviewSubmission } from "../services/sheets/review-submission";
import { submitSheet } from "../services/sheets/submit-sheet";
import { summarise } from "../services/sheets/summarise";
import { collegeFilter, collegeFor, procedureFor, router } from "../trpc";

const sheetInput = z.object({
  kind: sheetKindInput.optional(),
  /** The secretary's mapping of columns the reader guessed wrong (letter → field, null: not checked). */
  columns: columnOverrideInput.optional(),
  termCode: termInput,
  collegeId: idInput.optional(),
  fileName: textInput(255).optional(),
  grid: gridSchema,
});
const submissionId = z.string().uuid();

export const sheetsRouter = router({
  /** The 核对规则 in force (the students' age range), for a check made elsewhere — `xueji validate` signed in — to hold sheets to the same rules. */
  checkRules: procedureFor("sheets.validate")
    // Without a year: the one the registrar's terms say it is today (the command line cannot know them).
    .input(z.object({ academicYear: academicYearInput.optional() }))
    .output(checkRulesOutput)
    .query(async ({ ctx, input }) => {
      const academicYear = input.academicYear ?? (await currentAcademicYear(ctx.db, ctx.today()));
      return { academicYear, ...(await checkRulesInForce(ctx.db, academicYear)) };
    }),
  /** The server's verdict on a sheet, without storing it: the add-in shows these at the cells. */
  validate: procedureFor("sheets.validate")
    .input(sheetInput.superRefine(refineGridSize))
    .output(validationOutput)
    .mutation(async ({ ctx, input }) => {
      const collegeId = collegeFor(ctx.scope, input.collegeId);
      const { result, template } = await checkSheet(ctx.db, {
        grid: input.grid,
        collegeId,
        today: ctx.today(),
        termCode: input.termCode,
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.columns ? { columns: input.columns } : {}),
      });
      return {
        kind: result.kind,
        headerRow: result.headerRow,
        columns: result.columns.map(({ field, header, column }) => ({ field, header, column })),
        summary: summarise(result),
        issues: result.issues.map((i) => ({ ...i, message: formatMessage(i.code, i.params, ctx.locale) })),
        allowSubmitWithErrors: template.allowSubmitWithErrors,
      };
    }),
  submit: procedureFor("sheets.submit")
    .input(sheetInput.extend({ clientId: textInput(100, 8) }).superRefine(refineGridSize))
    .output(receiptOutput)
    .mutation(async ({ ctx, input }) => {
      const collegeId = collegeFor(ctx.scope, input.collegeId);
      return submitSheet(ctx.db, {
        actor: ctx.viewer,
        clientId: input.clientId,
        termCode: input.termCode,
        collegeId,
        fileName: input.fileName ?? null,
        grid: input.grid,
        today: ctx.today(),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.columns ? { columns: input.columns } : {}),
      });
    }),
  list: procedureFor("sheets.read")
    .input(
      pageInput.extend({
        termCode: termInput.optional(),
        kind: sheetKindInput.optional(),
        state: z.enum(SUBMISSION_STATES).optional(),
        collegeId: idInput.optional(),
        receipt: z.string().refine(isReceiptCode).optional(),
      }),
    )
    .output(pageOutput(submissionListItem))
    .query(({ ctx, input }) => listSubmissions(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  /** A submission and a page of its rows (follow `rows.nextCursor`). */
  get: procedureFor("sheets.read")
    .input(pageInput.extend({ submissionId }))
    .output(submissionWithRowsOutput)
    .query(({ ctx, input }) => getSubmission(ctx.db, ctx.viewer, input)),
  diff: procedureFor("sheets.read")
    .input(z.object({ submissionId }))
    .output(diffOutput)
    .query(({ ctx, input }) => diffSubmissions(ctx.db, ctx.viewer, input.submissionId)),
  review: procedureFor("sheets.review")
    .input(z.object({ submissionId, decision: z.enum(["accept", "reject"]), reason: noteInput.optional() }))
    .output(reviewOutput)
    .mutation(({ ctx, input }) =>
      reviewSubmission(ctx.db, {
        actor: ctx.viewer,
        submissionId: input.submissionId,
        decision: input.decision,
        reason: input.reason ?? null,
        today: ctx.today(),
        locale: ctx.locale,
      }),
    ),
});
