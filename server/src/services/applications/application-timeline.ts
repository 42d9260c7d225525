import { AppError } from "@xueji/shared";
import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applicationDecisions, applications, statusChanges, students, users } from "../../db/schema";
import { jsonAsStored } from "../json-column";
import { maskDeep } from "../masking";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";
import { classesNamed } from "../students/classes-named";
import { reaches, type Viewer } from "../viewer";
import { scansOf } from "./material-scans";
import { endedSuspensionReason } from "./status-guard";
import { workflowOf } from "./workflow-for";

/** An application with every decision on it and the field changes it made, in order. */
export async function applicationTimeline(db: Db, viewer: Viewer, applicationId: number) {
  const [found] = await db.select().from(applications).where(eq(applications.id, applicationId)).limit(1);
  // A college reaches its own students' applications and those moving into it (转专业 to one of its majors).
  if (!found || !(reaches(viewer.scope, found.collegeId) || reaches(viewer.scope, found.targetCollegeId)))
    throw new AppError("application.not-found");
  // An identity change carries the new ID number in `changes`: masked like the record's own.
  const application = maskDeep(viewer.role, found);
  const [student] = await db
    .select({ studentNo: students.studentNo, name: students.name })
    .from(students)
    .where(eq(students.id, application.studentId));
  // Who filed it, named on the timeline's first row as every decision names its maker.
  const [filer] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, found.filedBy));
  const decisions = await db
    .select({
      action: applicationDecisions.action,
      fromStage: applicationDecisions.fromStage,
      toStage: applicationDecisions.toStage,
      role: applicationDecisions.role,
      by: users.displayName,
      opinion: applicationDecisions.opinion,
      at: applicationDecisions.at,
    })
    .from(applicationDecisions)
    .innerJoin(users, eq(users.id, applicationDecisions.userId))
    .where(eq(applicationDecisions.applicationId, applicationId))
    .orderBy(asc(applicationDecisions.id));
  const changes = await db
    .select(statusChangeColumns)
    .from(statusChanges)
    .where(eq(statusChanges.applicationId, applicationId))
    .orderBy(asc(statusChanges.id));
  // The rules the application was filed under (its stages, who acts, its materials and period): the
  // dashboard asks shared's nextStepFor and requiredMaterials of these, as the server does.
  const workflow = await workflowOf(db, found.type, found.workflowVersion);
  // A 复学 also asks the materials of the 休学 it ends (康复证明, 退役证明): shown as the type's own.
  const ended = found.type === "resumption" ? await endedSuspensionReason(db, found.studentId) : null;
  const endedMaterials = workflow.reasons.find((r) => r.code === ended)?.materials ?? [];
  return {
    application,
    student,
    filer: filer?.name ?? null,
    decisions,
    changes: maskDeep(viewer.role, changes),
    classes: await classesNamed(db, changes, (found.changes ?? {}) as Record<string, unknown>),
    workflow: {
      version: workflow.version,
      stages: workflow.stages.map((s) => ({
        key: s.key,
        name: s.name,
        role: s.role,
        college: s.college ?? null,
        signOff: s.signOff ?? false,
      })),
      materials: [...new Set([...workflow.materials, ...endedMaterials])],
      reasons: workflow.reasons.map((r) => ({ code: r.code, name: r.name, materials: [...r.materials] })),
      period: workflow.period ? { maxDays: workflow.period.maxDays ?? null } : null,
    },
    scans: await scansOf(db, applicationId),
  };
}

/** A change's before and after as stored (a string of digits stays a string: see json-column.ts). */
const statusChangeColumns = {
  ...getTableColumns(statusChanges),
  before: jsonAsStored(statusChanges.before),
  after: jsonAsStored(statusChanges.after),
};

const OLDEST_FIRST: Keyset = { name: "status-changes/id", parts: [{ expr: statusChanges.id, type: "int8" }], direction: "asc" };

/**
 * A student's history: every field every executed change altered, oldest first, to replay the
 * record. A student of a college the viewer does not reach is unknown, exactly like a missing one.
 */
export async function studentHistory(db: Db, viewer: Viewer, options: PageOptions & { studentNo: string }) {
  const [student] = await db
    .select({ id: students.id, collegeId: students.collegeId })
    .from(students)
    .where(eq(students.studentNo, options.studentNo))
    .limit(1);
  if (!student || !reaches(viewer.scope, student.collegeId)) throw new AppError("student.unknown", { studentNo: options.studentNo });
  const after = afterCursor(OLDEST_FIRST, options.cursor);
  const rows = await db
    .select({ ...statusChangeColumns, ...keyColumns(OLDEST_FIRST) })
    .from(statusChanges)
    .where(and(eq(statusChanges.studentId, student.id), after))
    .orderBy(...keysetOrder(OLDEST_FIRST))
    .limit(options.limit + 1);
  return toPage(OLDEST_FIRST, rows, options.limit, (r) => maskDeep(viewer.role, withoutKeys(r)));
}
