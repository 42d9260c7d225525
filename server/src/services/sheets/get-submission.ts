import { AppError, type SheetTemplate } from "@xueji/shared";
import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sheetRows, sheetSubmissions } from "../../db/schema";
import { maskDeep } from "../masking";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";
import { settingByVersion } from "../settings/settings-store";
import { reaches, type Viewer } from "../viewer";

const BY_ROW: Keyset = { name: "sheet-rows/row", parts: [{ expr: sheetRows.rowNumber, type: "int8" }], direction: "asc" };

/**
 * A submission and one page of its rows in row order. A submission of a college the viewer does
 * not reach is "not found", exactly like a missing one; ID numbers in the rows are masked by role.
 */
export async function getSubmission(db: Db, viewer: Viewer, options: PageOptions & { submissionId: string }) {
  const [submission] = await db.select().from(sheetSubmissions).where(eq(sheetSubmissions.id, options.submissionId)).limit(1);
  if (!submission || !reaches(viewer.scope, submission.collegeId)) throw new AppError("sheet.not-found");
  const where: SQL[] = [eq(sheetRows.submissionId, submission.id)];
  const after = afterCursor(BY_ROW, options.cursor);
  if (after) where.push(after);
  const rows = await db
    .select({
      rowNumber: sheetRows.rowNumber,
      studentNo: sheetRows.studentNo,
      values: sheetRows.values,
      issues: sheetRows.issues,
      errorCount: sheetRows.errorCount,
      ...keyColumns(BY_ROW),
    })
    .from(sheetRows)
    .where(and(...where))
    .orderBy(...keysetOrder(BY_ROW))
    .limit(options.limit + 1);
  const template = await settingByVersion<Pick<SheetTemplate, "columns">>(
    db,
    "sheet-template",
    submission.kind,
    submission.templateVersion,
  );
  return {
    submission,
    columns: template.value.columns.map(({ field, header }) => ({ field, header })),
    rows: toPage(BY_ROW, rows, options.limit, (r) => {
      const row = withoutKeys(r);
      return { ...row, values: maskDeep(viewer.role, row.values), issues: maskDeep(viewer.role, row.issues) };
    }),
  };
}
