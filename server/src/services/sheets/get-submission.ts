import { AppError } from "@xueji/shared";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sheetRows, sheetSubmissions } from "../../db/schema";

/** A submission and one page of its rows (keyset-paged by row number). */
export async function getSubmission(db: Db, options: { submissionId: string; rowsAfter: number; limit: number }) {
  const [submission] = await db.select().from(sheetSubmissions).where(eq(sheetSubmissions.id, options.submissionId)).limit(1);
  if (!submission) throw new AppError("sheet.not-found");
  const rows = await db
    .select({
      rowNumber: sheetRows.rowNumber,
      studentNo: sheetRows.studentNo,
      values: sheetRows.values,
      issues: sheetRows.issues,
      errorCount: sheetRows.errorCount,
    })
    .from(sheetRows)
    .where(and(eq(sheetRows.submissionId, submission.id), gt(sheetRows.rowNumber, options.rowsAfter)))
    .orderBy(asc(sheetRows.rowNumber))
    .limit(options.limit);
  return { submission, rows };
}
