import { formatMessage, type GridRow } from "@xueji/shared";
import { z } from "zod";
import { checkSheet } from "../services/sheets/check-sheet";
import { diffSubmissions } from "../services/sheets/diff-submissions";
import { getSubmission } from "../services/sheets/get-submission";
import { listSubmissions } from "../services/sheets/list-submissions";
import { reviewSubmission } from "../services/sheets/review-submission";
import { submitSheet } from "../services/sheets/submit-sheet";
import { summarise } from "../services/sheets/summarise";
import { assertCollege, collegeFilter, collegeFor, procedureFor, router } from "../trpc";
import { gridInput, sheetKindInput, termInput } from "./inputs";

const sheetInput = z.object({
  kind: sheetKindInput.optional(),
  termCode: termInput,
  collegeId: z.number().int().positive().optional(),
  fileName: z.string().max(255).optional(),
  grid: gridInput,
});

export const sheetsRouter = router({
  /** The server's verdict on a sheet, without storing it: the add-in shows these at the cells. */
  validate: procedureFor("sheets.validate")
    .input(sheetInput)
    .mutation(async ({ ctx, input }) => {
      const collegeId = collegeFor(ctx.scope, input.collegeId);
      const { result } = await checkSheet(ctx.db, {
        grid: input.grid as GridRow[],
        collegeId,
        today: ctx.today(),
        termCode: input.termCode,
        ...(input.kind ? { kind: input.kind } : {}),
      });
      return {
        kind: result.kind,
        headerRow: result.headerRow,
        columns: result.columns.map(({ field, header, column }) => ({ field, header, column })),
        summary: summarise(result),
        issues: result.issues.map((i) => ({ ...i, message: formatMessage(i.code, i.params, ctx.locale) })),
      };
    }),
  submit: procedureFor("sheets.submit")
    .input(sheetInput.extend({ clientId: z.string().min(8).max(100) }))
    .mutation(async ({ ctx, input }) => {
      const collegeId = collegeFor(ctx.scope, input.collegeId);
      return submitSheet(ctx.db, {
        actor: { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId },
        clientId: input.clientId,
        termCode: input.termCode,
        collegeId,
        fileName: input.fileName ?? null,
        grid: input.grid as GridRow[],
        today: ctx.today(),
        ...(input.kind ? { kind: input.kind } : {}),
      });
    }),
  list: procedureFor("sheets.read")
    .input(
      z.object({
        termCode: termInput.optional(),
        kind: sheetKindInput.optional(),
        state: z.string().max(20).optional(),
        collegeId: z.number().int().optional(),
      }),
    )
    .query(({ ctx, input }) => listSubmissions(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  get: procedureFor("sheets.read")
    .input(
      z.object({
        submissionId: z.string().uuid(),
        rowsAfter: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      }),
    )
    .query(async ({ ctx, input }) => {
      const found = await getSubmission(ctx.db, input);
      assertCollege(ctx.scope, found.submission.collegeId);
      return found;
    }),
  diff: procedureFor("sheets.read")
    .input(z.object({ submissionId: z.string().uuid() }))
    .query(async ({ ctx, input }) => {
      const diff = await diffSubmissions(ctx.db, input.submissionId);
      assertCollege(ctx.scope, diff.collegeId);
      return diff;
    }),
  review: procedureFor("sheets.review")
    .input(z.object({ submissionId: z.string().uuid(), decision: z.enum(["accept", "reject"]), reason: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) =>
      reviewSubmission(ctx.db, {
        actor: { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId },
        submissionId: input.submissionId,
        decision: input.decision,
        reason: input.reason ?? null,
        today: ctx.today(),
      }),
    ),
});
