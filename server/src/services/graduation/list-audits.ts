import { type AuditReason, graduationReasonText, type Locale } from "@xueji/shared";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { graduationAudits, students } from "../../db/schema";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";

export interface ListAuditsOptions extends PageOptions {
  cohort: number;
  /** Already narrowed to the viewer's college for college roles. */
  collegeId?: number | undefined;
  outcome?: "graduate" | "complete" | undefined;
  /** The language the reasons are written in (`reasonTexts`). */
  locale: Locale;
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
      degreeReasons: graduationAudits.degreeReasons,
      stage: graduationAudits.stage,
      overrideOutcome: graduationAudits.overrideOutcome,
      overrideDegree: graduationAudits.overrideDegree,
      overrideReason: graduationAudits.overrideReason,
      // What the page shows beside a result and lets the registrar correct (结业换毕业, 平均学分绩点, 处分).
      status: students.status,
      // 学位补授 is offered only where a 学士学位 can be (seed 000 六.3; seed 001 七): the level says.
      level: students.level,
      gpa: students.gpa,
      discipline: sql<string | null>`${students.facts}->>'discipline'`,
      ...keyColumns(BY_STUDENT_NO),
    })
    .from(graduationAudits)
    .innerJoin(students, eq(students.id, graduationAudits.studentId))
    .where(and(...where))
    .orderBy(...keysetOrder(BY_STUDENT_NO))
    .limit(o.limit + 1);
  return toPage(BY_STUDENT_NO, rows, o.limit, (r) => {
    const row = withoutKeys(r);
    return {
      ...row,
      reasonTexts: (row.reasons as AuditReason[]).map((reason) => graduationReasonText(reason, o.locale)),
      degreeReasonTexts: (row.degreeReasons as AuditReason[]).map((reason) => graduationReasonText(reason, o.locale)),
    };
  });
}
