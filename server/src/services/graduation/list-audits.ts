import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { graduationAudits, students } from "../../db/schema";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";

export interface ListAuditsOptions extends PageOptions {
  cohort: number;
  /** Already narrowed to the viewer's college for college roles. */
  collegeId?: number | undefined;
  outcome?: "graduate" | "complete" | undefined;
}

const BY_STUDENT_NO: Keyset = {
  name: "graduation/no",
  parts: [
    { expr: students.studentNo, type: "text" },
    { expr: graduationAudits.id, type: "int8" },
  ],
  direction: "asc",
};

/** A cohort's audit results in student-number order. */
export async function listAudits(db: Db, o: ListAuditsOptions) {
  const where: SQL[] = [eq(graduationAudits.cohort, o.cohort)];
  if (o.collegeId !== undefined) where.push(eq(graduationAudits.collegeId, o.collegeId));
  if (o.outcome) where.push(eq(graduationAudits.outcome, o.outcome));
  const after = afterCursor(BY_STUDENT_NO, o.cursor);
  if (after) where.push(after);
  const rows = await db
    .select({
      id: graduationAudits.id,
      studentNo: students.studentNo,
      name: students.name,
      collegeId: graduationAudits.collegeId,
      outcome: graduationAudits.outcome,
      degree: graduationAudits.degree,
      reasons: graduationAudits.reasons,
      stage: graduationAudits.stage,
      overrideOutcome: graduationAudits.overrideOutcome,
      overrideDegree: graduationAudits.overrideDegree,
      overrideReason: graduationAudits.overrideReason,
      ...keyColumns(BY_STUDENT_NO),
    })
    .from(graduationAudits)
    .innerJoin(students, eq(students.id, graduationAudits.studentId))
    .where(and(...where))
    .orderBy(...keysetOrder(BY_STUDENT_NO))
    .limit(o.limit + 1);
  return toPage(BY_STUDENT_NO, rows, o.limit, withoutKeys);
}
