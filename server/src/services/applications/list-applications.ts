import type { ApplicationType } from "@xueji/shared";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applications, colleges, students } from "../../db/schema";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";
import { currentDeadlineSql, overdue } from "./overdue";

/** The list's filters: the same for a page of rows and for the counts of its groups. */
export interface ApplicationFilters {
  collegeId?: number | undefined;
  type?: ApplicationType | undefined;
  stage?: string | undefined;
  state?: "open" | "done" | "rejected" | undefined;
  /** Open and past a due date as of `today`: the decision's, or 学籍注销's after execution. */
  overdue?: boolean | undefined;
  today: string;
}

export interface ListApplicationsOptions extends ApplicationFilters, PageOptions {
  sort: "filed" | "due";
  direction: "asc" | "desc";
}

/**
 * The deadline each runs against now (currentDeadlineSql), the nearest first: an overdue 学籍注销 comes before a
 * 办理期限 still ahead. Drafts and the executed with no deadline left have none: they sort after every dated one.
 */
export const dueOrLast = sql`coalesce(${currentDeadlineSql}, date '9999-12-31')`;

function keysetOf(sort: "filed" | "due", direction: "asc" | "desc"): Keyset {
  return {
    name: `applications/${sort}/${direction}`,
    parts: [
      sort === "due" ? { expr: dueOrLast, type: "date" } : { expr: applications.filedAt, type: "timestamptz" },
      { expr: applications.id, type: "int8" },
    ],
    direction,
  };
}

/** The conditions the filters put on `applications`. */
export function applicationFilterConditions(o: ApplicationFilters): SQL[] {
  const where: SQL[] = [];
  if (o.collegeId !== undefined) where.push(eq(applications.collegeId, o.collegeId));
  if (o.type) where.push(eq(applications.type, o.type));
  if (o.stage) where.push(eq(applications.stage, o.stage));
  if (o.state) where.push(eq(applications.state, o.state));
  if (o.overdue) where.push(overdue(o.today));
  return where;
}

/** A page of applications, filtered and sorted; indexed by (state, type, stage, college) and (state, due). */
export async function listApplications(db: Db, o: ListApplicationsOptions) {
  const keyset = keysetOf(o.sort, o.direction);
  const where = applicationFilterConditions(o);
  const after = afterCursor(keyset, o.cursor);
  if (after) where.push(after);
  const rows = await db
    .select({
      id: applications.id,
      type: applications.type,
      stage: applications.stage,
      state: applications.state,
      version: applications.version,
      studentNo: students.studentNo,
      name: students.name,
      collegeId: applications.collegeId,
      collegeName: colleges.name,
      reasonCode: applications.reasonCode,
      filedAt: applications.filedAt,
      dueOn: applications.dueOn,
      noticeNo: applications.noticeNo,
      executedOn: applications.executedOn,
      deregistrationDueOn: applications.deregistrationDueOn,
      ...keyColumns(keyset),
    })
    .from(applications)
    .innerJoin(students, eq(students.id, applications.studentId))
    .innerJoin(colleges, eq(colleges.id, applications.collegeId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...keysetOrder(keyset))
    .limit(o.limit + 1);
  return toPage(keyset, rows, o.limit, withoutKeys);
}
