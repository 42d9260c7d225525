import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applications, colleges, students } from "../../db/schema";
import { overdue } from "./overdue";

export interface ListApplicationsOptions {
  collegeId?: number | undefined;
  type?: string | undefined;
  stage?: string | undefined;
  state?: "open" | "done" | "rejected" | undefined;
  /** Open and past a due date as of `today`: the decision's, or 学籍注销's after execution. */
  overdue?: boolean | undefined;
  today: string;
  sort: "filed" | "due";
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
}

/** A page of applications, filtered and sorted; indexed by (state, type, stage, college) and (state, due). */
export async function listApplications(db: Db, o: ListApplicationsOptions) {
  const where: SQL[] = [];
  if (o.collegeId !== undefined) where.push(eq(applications.collegeId, o.collegeId));
  if (o.type) where.push(eq(applications.type, o.type));
  if (o.stage) where.push(eq(applications.stage, o.stage));
  if (o.state) where.push(eq(applications.state, o.state));
  if (o.overdue) where.push(overdue(o.today));
  const column = o.sort === "due" ? applications.dueOn : applications.filedAt;
  const order = o.direction === "asc" ? asc(column) : desc(column);
  return db
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
      deregistrationDueOn: applications.deregistrationDueOn,
    })
    .from(applications)
    .innerJoin(students, eq(students.id, applications.studentId))
    .innerJoin(colleges, eq(colleges.id, applications.collegeId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(order, desc(applications.id))
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize);
}
