import type { SheetKind } from "@xueji/shared";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, sheetSubmissions, users } from "../../db/schema";
import type { SUBMISSION_STATES } from "../../db/schema/enums";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";

export interface ListSubmissionsOptions extends PageOptions {
  termCode?: string | undefined;
  kind?: SheetKind | undefined;
  state?: (typeof SUBMISSION_STATES)[number] | undefined;
  collegeId?: number | undefined;
  /** The receipt a secretary reads out: the submission id's first eight characters (shared `receiptCode`). */
  receipt?: string | undefined;
}

const NEWEST_FIRST: Keyset = {
  name: "sheets/submitted",
  parts: [
    { expr: sheetSubmissions.submittedAt, type: "timestamptz" },
    { expr: sheetSubmissions.id, type: "uuid" },
  ],
  direction: "desc",
};

/** Submissions, newest first, with who sent them; `collegeId` is the caller's scope when it has one. */
export async function listSubmissions(db: Db, options: ListSubmissionsOptions) {
  const where: SQL[] = [];
  if (options.termCode) where.push(eq(sheetSubmissions.termCode, options.termCode));
  if (options.kind) where.push(eq(sheetSubmissions.kind, options.kind));
  if (options.state) where.push(eq(sheetSubmissions.state, options.state));
  if (options.collegeId !== undefined) where.push(eq(sheetSubmissions.collegeId, options.collegeId));
  // The router lets only eight hexadecimal characters through: nothing of LIKE's own reaches the pattern.
  if (options.receipt) where.push(sql`${sheetSubmissions.id}::text like ${`${options.receipt.toLowerCase()}%`}`);
  const after = afterCursor(NEWEST_FIRST, options.cursor);
  if (after) where.push(after);
  const rows = await db
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
      ...keyColumns(NEWEST_FIRST),
    })
    .from(sheetSubmissions)
    .innerJoin(colleges, eq(colleges.id, sheetSubmissions.collegeId))
    .innerJoin(users, eq(users.id, sheetSubmissions.submittedBy))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...keysetOrder(NEWEST_FIRST))
    .limit(options.limit + 1);
  return toPage(NEWEST_FIRST, rows, options.limit, withoutKeys);
}
