import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, pendingItems, students } from "../../db/schema";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";

export interface ListPendingOptions extends PageOptions {
  /** Already narrowed to the viewer's college for college roles. */
  collegeId?: number | undefined;
  academicYear?: string | undefined;
  kind?: string | undefined;
  state?: string | undefined;
}

const NEWEST_FIRST: Keyset = { name: "pending/id", parts: [{ expr: pendingItems.id, type: "int8" }], direction: "desc" };

/** Preliminary opinions (学业警示, 留级, 退学) the standing rules produced, newest first. */
export async function listPending(db: Db, o: ListPendingOptions) {
  const where: SQL[] = [];
  if (o.collegeId !== undefined) where.push(eq(pendingItems.collegeId, o.collegeId));
  if (o.academicYear) where.push(eq(pendingItems.academicYear, o.academicYear));
  if (o.kind) where.push(eq(pendingItems.kind, o.kind));
  if (o.state) where.push(eq(pendingItems.state, o.state));
  const after = afterCursor(NEWEST_FIRST, o.cursor);
  if (after) where.push(after);
  const rows = await db
    .select({
      id: pendingItems.id,
      kind: pendingItems.kind,
      academicYear: pendingItems.academicYear,
      termCode: pendingItems.termCode,
      figures: pendingItems.figures,
      state: pendingItems.state,
      studentNo: students.studentNo,
      name: students.name,
      collegeId: pendingItems.collegeId,
      collegeName: colleges.name,
      createdAt: pendingItems.createdAt,
      ...keyColumns(NEWEST_FIRST),
    })
    .from(pendingItems)
    .innerJoin(students, eq(students.id, pendingItems.studentId))
    .innerJoin(colleges, eq(colleges.id, pendingItems.collegeId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...keysetOrder(NEWEST_FIRST))
    .limit(o.limit + 1);
  return toPage(NEWEST_FIRST, rows, o.limit, withoutKeys);
}
