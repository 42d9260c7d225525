import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, sheetSubmissions, users } from "../../db/schema";

export interface ListSubmissionsOptions {
  termCode?: string | undefined;
  kind?: string | undefined;
  state?: string | undefined;
  collegeId?: number | undefined;
}

/** Submissions, newest first, with who sent them; `collegeId` is the caller's scope when it has one. */
export async function listSubmissions(db: Db, options: ListSubmissionsOptions) {
  const where: SQL[] = [];
  if (options.termCode) where.push(eq(sheetSubmissions.termCode, options.termCode));
  if (options.kind) where.push(eq(sheetSubmissions.kind, options.kind));
  if (options.state) where.push(eq(sheetSubmissions.state, options.state));
  if (options.collegeId !== undefined) where.push(eq(sheetSubmissions.collegeId, options.collegeId));
  return db
    .select({
      id: sheetSubmissions.id,
      kind: sheetSubmissions.kind,
      termCode: sheetSubmissions.termCode,
      collegeId: sheetSubmissions.collegeId,
      collegeName: colleges.name,
      version: sheetSubmissions.version,
      state: sheetSubmissions.state,
      rowCount: sheetSubmissions.rowCount,
      rowsWithErrors: sheetSubmissions.rowsWithErrors,
      errorCount: sheetSubmissions.errorCount,
      warningCount: sheetSubmissions.warningCount,
      submittedBy: users.displayName,
      submittedAt: sheetSubmissions.submittedAt,
      reviewReason: sheetSubmissions.reviewReason,
    })
    .from(sheetSubmissions)
    .innerJoin(colleges, eq(colleges.id, sheetSubmissions.collegeId))
    .innerJoin(users, eq(users.id, sheetSubmissions.submittedBy))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(sheetSubmissions.submittedAt))
    .limit(500);
}
