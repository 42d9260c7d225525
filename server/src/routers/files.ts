import { SHEET_KINDS } from "@xueji/shared";
import { gridSchema } from "@xueji/shared/wire/grid";
import { reportIssueSchema } from "@xueji/shared/wire/issue";
import { z } from "zod";
import { annotatedCopy, checkFile, correctedCopy, type FileCaller, gridOfFile, newSheet, oneAtATime } from "../files/file-procedures";
import { newSheetInput } from "../files/new-sheet-xlsx";
import { uploadFormInput } from "../files/upload-form";
import { procedureFor, router } from "../trpc";

/** A workbook the server wrote: base64 in the JSON answer, as `exports.*Xlsx` send theirs. */
const download = z.object({ fileName: z.string(), base64: z.string() });

/** `xueji validate --json`'s document (validate-file.ts), with what the pane reads declared; the rest passes as it is. */
const report = z
  .object({
    file: z.string(),
    sheet: z.string(),
    kind: z.enum(SHEET_KINDS).nullable(),
    headerRow: z.number().nullable(),
    dataRows: z.number(),
    columns: z.array(z.object({ field: z.string(), header: z.string(), column: z.string() })),
    issues: z.array(reportIssueSchema),
    dataEnd: z.object({ row: z.number(), lastDataRow: z.number().nullable(), text: z.string() }).optional(),
  })
  .passthrough();

const checkOutput = z.object({
  report,
  /** The grid's rows down to the header: what the pane shows of it (the column mapping). */
  grid: gridSchema,
  withRecord: z.boolean(),
  allowSubmitWithErrors: z.boolean().optional(),
});

/** The secretary's file work, held to `sheets.validate` (what the pane's 检查 needs) and one file at a time. */
const fileProcedure = procedureFor("sheets.validate").use(({ ctx, next }) => oneAtATime(ctx.user.id, () => next()));

function callerOf(ctx: {
  db: FileCaller["db"];
  locale: FileCaller["locale"];
  today: () => string;
  user: { id: number };
  scope: FileCaller["scope"];
}): FileCaller {
  return { db: ctx.db, locale: ctx.locale, today: ctx.today(), userId: ctx.user.id, scope: ctx.scope };
}

/**
 * The task pane's file mode (WPS 表格, LibreOffice, any browser): the secretary's workbook checked,
 * annotated or corrected with the same reader as `xueji validate`, and new check sheets written. The
 * form procedures take multipart/form-data (`file` and text fields); server.ts refuses a body larger than
 * MAX_UPLOAD before it is read. docs/architecture.md "File procedures" describes them.
 */
export const filesRouter = router({
  /** The `xueji validate --json` report (with `term`, the record's checks in it too) and the grid's header rows. */
  check: fileProcedure
    .input(uploadFormInput)
    .output(checkOutput)
    .mutation(({ ctx, input }) => checkFile(callerOf(ctx), input)),
  /** The whole grid as read: `{ report, grid }` as the base64 of its JSON, built off the event loop (file-procedures.ts says why). */
  grid: fileProcedure
    .input(uploadFormInput)
    .output(z.object({ base64: z.string() }))
    .mutation(({ ctx, input }) => gridOfFile(callerOf(ctx), input)),
  /** The annotated copy (.xlsx). */
  annotate: fileProcedure
    .input(uploadFormInput)
    .output(download)
    .mutation(({ ctx, input }) => annotatedCopy(callerOf(ctx), input)),
  /** The corrected copy (.xlsx) from the `fixes` the pane showed, with what was written and the formula cells left alone. */
  fix: fileProcedure
    .input(uploadFormInput)
    .output(download.extend({ fixed: z.number(), formulaCells: z.array(z.string()) }))
    .mutation(({ ctx, input }) => correctedCopy(callerOf(ctx), input)),
  /** A new check sheet (.xlsx) from the pane's description. */
  newSheet: fileProcedure
    .input(newSheetInput)
    .output(download)
    .mutation(({ input }) => newSheet(input)),
});
