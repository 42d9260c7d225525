import { AppError, IMPORT_KINDS, type ImportKind, scopeOf } from "@xueji/shared";
import { z } from "zod";
import { idInput } from "../inputs/inputs";
import { importReportOutput } from "../services/imports/import-report";
import { passwordsWorkbook } from "../services/imports/passwords-workbook";
import { commitImport, getImport, listImports } from "../services/imports/run-import";
import { pageInput, pageOutput } from "../services/paging";
import { procedureFor, router, toTrpcError } from "../trpc";

const importItem = z.object({
  id: z.number(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(["previewed", "committed"]),
  fileName: z.string(),
  previewedAt: z.string(),
  committedAt: z.string().nullable(),
  by: z.string(),
  rows: z.number(),
  create: z.number(),
  update: z.number(),
  unchanged: z.number(),
  errors: z.number(),
});

/**
 * 导入: the preview (dry run) is an upload to `/api/imports/preview` (http/import-routes.ts); here the
 * registrar confirms it, and reads the history. Accounts need `users.manage` besides.
 */
export const importsRouter = router({
  commit: procedureFor("imports.write")
    .input(z.object({ id: idInput }))
    .output(
      z.object({
        id: z.number(),
        report: importReportOutput,
        /** New accounts' temporary passwords, shown this once (and as an .xlsx to hand out), never stored. */
        passwords: z.array(z.object({ username: z.string(), displayName: z.string(), password: z.string() })),
        passwordsXlsx: z.string().nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { report } = await getImport(ctx.db, input.id);
      if (report.kind === "users" && !scopeOf("users.manage", ctx.viewer.role))
        throw toTrpcError(new AppError("auth.forbidden", { role: ctx.viewer.role }));
      const done = await commitImport(ctx.db, ctx.viewer, { id: input.id, today: ctx.today() });
      const passwordsXlsx = done.passwords.length ? (await passwordsWorkbook(done.passwords)).toString("base64") : null;
      return { ...done, passwordsXlsx };
    }),
  list: procedureFor("imports.write")
    .input(pageInput)
    .output(pageOutput(importItem))
    .query(({ ctx, input }) => listImports(ctx.db, input)),
  get: procedureFor("imports.write")
    .input(z.object({ id: idInput }))
    .output(z.object({ id: z.number(), status: z.enum(["previewed", "committed"]), report: importReportOutput }))
    .query(({ ctx, input }) => getImport(ctx.db, input.id)),
});

export type { ImportKind };
