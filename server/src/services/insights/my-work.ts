import { type ApplicationType, currentDeadline, FIXED_STAGES, isCollegeRole, type Role, roleOfStage, type Workflow } from "@xueji/shared";
import { and, eq, or, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applications, colleges, students } from "../../db/schema";
import { dueOrLast } from "../applications/list-applications";
import { workCalendar, workflowOf } from "../applications/workflow-for";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";

export interface Worker {
  role: Role;
  collegeId: number | null;
}

/**
 * The stages of a workflow at which `worker` acts, and whose college they must share (the same rule as
 * decide-application's mayAct): the secretary files drafts; a deciding stage is its role's (in the
 * student's or the receiving college for college roles); 办理 and 上报 are the registrar's. 公示 waits for
 * its days to pass, so it is nobody's work.
 */
export function stagesFor(workflow: Workflow, worker: Worker): Array<{ stage: string; college: "student" | "target" | null }> {
  const mine: Array<{ stage: string; college: "student" | "target" | null }> = [];
  if (roleOfStage(workflow, FIXED_STAGES.draft) === worker.role) mine.push({ stage: FIXED_STAGES.draft, college: "student" });
  for (const s of workflow.stages) if (s.role === worker.role) mine.push({ stage: s.key, college: s.college ?? null });
  for (const stage of [FIXED_STAGES.execution, FIXED_STAGES.reported])
    if (roleOfStage(workflow, stage) === worker.role) mine.push({ stage, college: null });
  return mine;
}

/** The oldest deadline first, undated drafts last; the id breaks ties on a date. */
const OLDEST_DEADLINE_FIRST: Keyset = {
  name: "my-work/due",
  parts: [
    { expr: dueOrLast, type: "date" },
    { expr: applications.id, type: "int8" },
  ],
  direction: "asc",
};

/**
 * 我的待办: open applications waiting at the signed-in user's stage, the oldest deadline first (none
 * last), each with the working days left (negative: overdue). Paged by the opaque keyset cursor: many
 * items share a due date, so the id breaks the tie and no item repeats or is skipped between pages.
 */
export async function myWork(db: Db, options: PageOptions & { worker: Worker; today: string }) {
  const { worker } = options;
  const versions = await db
    .selectDistinct({ type: applications.type, version: applications.workflowVersion })
    .from(applications)
    .where(eq(applications.state, "open"));
  const clauses: SQL[] = [];
  for (const { type, version } of versions) {
    const workflow = await workflowOf(db, type as ApplicationType, version);
    for (const { stage, college } of stagesFor(workflow, worker)) {
      const here = [eq(applications.type, type), eq(applications.workflowVersion, version), eq(applications.stage, stage)];
      if (college === "student" || (college === null && worker.collegeId !== null && isCollegeRole(worker.role)))
        here.push(eq(applications.collegeId, worker.collegeId ?? -1));
      if (college === "target") here.push(eq(applications.targetCollegeId, worker.collegeId ?? -1));
      clauses.push(and(...here) as SQL);
    }
  }
  if (clauses.length === 0) return { items: [], nextCursor: null };
  const after = afterCursor(OLDEST_DEADLINE_FIRST, options.cursor);
  const rows = await db
    .select({
      id: applications.id,
      type: applications.type,
      stage: applications.stage,
      version: applications.version,
      studentNo: students.studentNo,
      name: students.name,
      collegeId: applications.collegeId,
      collegeName: colleges.name,
      filedAt: applications.filedAt,
      dueOn: applications.dueOn,
      state: applications.state,
      executedOn: applications.executedOn,
      deregistrationDueOn: applications.deregistrationDueOn,
      ...keyColumns(OLDEST_DEADLINE_FIRST),
    })
    .from(applications)
    .innerJoin(students, eq(students.id, applications.studentId))
    .innerJoin(colleges, eq(colleges.id, applications.collegeId))
    .where(and(eq(applications.state, "open"), or(...clauses), after))
    .orderBy(...keysetOrder(OLDEST_DEADLINE_FIRST))
    .limit(options.limit + 1);
  const calendar = await workCalendar(db, await currentAcademicYear(db, options.today));
  return toPage(OLDEST_DEADLINE_FIRST, rows, options.limit, (row) => {
    const { state: _state, deregistrationDueOn: _deregistration, ...r } = withoutKeys(row);
    // 逾期 as everywhere (shared currentDeadline): the 办理期限 until execution, then 学籍注销's if any.
    const deadline = currentDeadline(withoutKeys(row));
    return {
      ...r,
      deadline,
      workingDaysLeft: deadline === null ? null : signedWorkingDays(calendar, options.today, deadline.date),
    };
  });
}

/** Working days from today to the due date; negative when the due date has passed. */
export function signedWorkingDays(calendar: { workingDaysBetween(from: string, to: string): number }, today: string, due: string): number {
  return due >= today ? calendar.workingDaysBetween(today, due) : -calendar.workingDaysBetween(due, today);
}
