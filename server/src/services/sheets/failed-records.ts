import { type RowValues, type StandingResult, strongestOutcome } from "@xueji/shared";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Executor, resultRows, type Tx } from "../../db/client";
import { failedCourseRecords, pendingItems, students } from "../../db/schema";

/**
 * Accepted failed-course records of some academic years (and, optionally, some students), in the
 * shape the shared standing rules read — the same rows whether accepting a sheet or previewing a rule change.
 */
export async function loadFailedRecords(db: Executor, options: { academicYears: readonly string[]; studentIds?: readonly number[] }) {
  const where: SQL[] = [inArray(failedCourseRecords.academicYear, [...options.academicYears])];
  if (options.studentIds)
    where.push(
      sql`${failedCourseRecords.studentId} in (select jsonb_array_elements_text(${JSON.stringify(options.studentIds)}::jsonb)::int)`,
    );
  const records = await db
    .select({
      studentNo: students.studentNo,
      studentId: students.id,
      termCode: failedCourseRecords.termCode,
      courseCode: failedCourseRecords.courseCode,
      courseName: failedCourseRecords.courseName,
      credits: failedCourseRecords.credits,
      courseNature: failedCourseRecords.courseNature,
      passed: failedCourseRecords.passed,
      examType: failedCourseRecords.examType,
    })
    .from(failedCourseRecords)
    .innerJoin(students, eq(students.id, failedCourseRecords.studentId))
    .where(and(...where));
  const idOf = new Map(records.map((r) => [r.studentNo, r.studentId]));
  const rows = records.map((r) => {
    const [start, , semester] = r.termCode.split("-");
    const values: RowValues = {
      studentNo: r.studentNo,
      term: { code: r.termCode, academicYear: r.termCode.slice(0, 9), startYear: Number(start), semester: Number(semester) as 1 | 2 | 3 },
      credits: r.credits,
      courseName: r.courseName,
      ...(r.courseCode ? { courseCode: r.courseCode } : {}),
      ...(r.courseNature ? { courseNature: { code: r.courseNature, name: r.courseNature } } : {}),
      ...(r.passed !== null ? { score: { kind: "mark", mark: null, label: "", passed: r.passed } } : {}),
      ...(r.examType ? { examType: { code: r.examType, name: r.examType } } : {}),
    };
    return { values };
  });
  return { rows, idOf };
}

type Kind = Exclude<ReturnType<typeof strongestOutcome>, "none">;

/** What a pending item shows: the year's figure and every term's, so the two are never read apart. */
function figuresOf(s: StandingResult, kind: Kind) {
  const warnings = s.terms.filter((t) => t.outcome !== "none");
  const term = kind === "warning-1" || kind === "warning-2" ? [...warnings].reverse().find((t) => t.outcome === kind) : undefined;
  return {
    // The fields items always had…
    terms: s.terms,
    yearFailedCredits: s.yearFailedCredits,
    ruleSet: s.ruleSet,
    ...(term ? { termFailedCredits: term.failedCredits } : {}),
    // …and, since one item stands for the student's year, both outcomes side by side.
    yearOutcome: s.yearOutcome,
    termWarnings: warnings,
    repeatCreditsNotCounted: s.repeatCreditsNotCounted,
  };
}

/**
 * One pending item per student and academic year, showing both figures: the year outcome outranks
 * the term warnings (docs/domain.md §3). Its kind is the
 * strongest outcome — 留级/退学 over 二级 over 一级学业警示 — and its term the warning's term ('' for
 * a year outcome). A recomputation updates the year's pending item in place; an item already
 * lifted or taken up stays as it was, and a new outcome beside it gets its own item. When the
 * credits fall below every band (a resit passed), the pending item is lifted with that reason.
 * Returns how many items were created.
 */
export async function recordStanding(
  tx: Tx,
  standing: readonly StandingResult[],
  options: { idOf: ReadonlyMap<string, number>; collegeId: number; submissionId: string },
): Promise<number> {
  if (standing.length === 0) return 0;
  const studentIds = [...new Set(standing.map((s) => options.idOf.get(s.studentNo)).filter((id) => id !== undefined))];
  const years = [...new Set(standing.map((s) => s.academicYear))];
  const existing = await tx
    .select({
      id: pendingItems.id,
      studentId: pendingItems.studentId,
      academicYear: pendingItems.academicYear,
      kind: pendingItems.kind,
      termCode: pendingItems.termCode,
      state: pendingItems.state,
    })
    .from(pendingItems)
    .where(
      and(
        sql`${pendingItems.studentId} in (select jsonb_array_elements_text(${JSON.stringify(studentIds)}::jsonb)::int)`,
        inArray(pendingItems.academicYear, years),
      ),
    );
  const byStudentYear = new Map<string, typeof existing>();
  for (const item of existing) {
    const key = `${item.studentId} ${item.academicYear}`;
    byStudentYear.set(key, [...(byStudentYear.get(key) ?? []), item]);
  }

  const inserts: Array<Record<string, unknown>> = [];
  const updates: Array<Record<string, unknown>> = [];
  const superseded: number[] = [];
  const cleared: number[] = [];
  for (const s of standing) {
    const studentId = options.idOf.get(s.studentNo);
    if (studentId === undefined) continue;
    const items = byStudentYear.get(`${studentId} ${s.academicYear}`) ?? [];
    const pending = items.filter((i) => i.state === "pending");
    const kind = strongestOutcome(s);
    if (kind === "none") {
      cleared.push(...pending.map((i) => i.id));
      continue;
    }
    const figures = figuresOf(s, kind);
    const termCode =
      kind === "warning-1" || kind === "warning-2" ? ([...s.terms].reverse().find((t) => t.outcome === kind)?.term ?? "") : "";
    const same = items.find((i) => i.kind === kind && i.termCode === termCode);
    const target = same ?? pending[0];
    if (target?.state === "pending")
      updates.push({ id: target.id, kind, term_code: termCode, figures, source_submission_id: options.submissionId });
    else if (!target)
      inserts.push({
        student_id: studentId,
        college_id: options.collegeId,
        kind,
        academic_year: s.academicYear,
        term_code: termCode,
        figures,
        source_submission_id: options.submissionId,
      });
    superseded.push(...pending.filter((i) => i.id !== target?.id).map((i) => i.id));
  }

  if (updates.length > 0)
    await tx.execute(sql`
      update pending_items p set kind = x.kind, term_code = x.term_code, figures = x.figures, source_submission_id = x.source_submission_id
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id int, kind text, term_code text, figures jsonb, source_submission_id uuid)
      where p.id = x.id`);
  if (superseded.length > 0)
    await tx
      .update(pendingItems)
      .set({ state: "superseded" })
      .where(sql`${pendingItems.id} in (select jsonb_array_elements_text(${JSON.stringify(superseded)}::jsonb)::int)`);
  if (cleared.length > 0)
    await tx
      .update(pendingItems)
      .set({ state: "lifted", liftedAt: new Date(), liftReason: "重新计算：补考/重修通过后，不合格学分已低于处理标准" })
      .where(sql`${pendingItems.id} in (select jsonb_array_elements_text(${JSON.stringify(cleared)}::jsonb)::int)`);
  if (inserts.length === 0) return 0;
  const result = await tx.execute(sql`
    insert into pending_items (student_id, college_id, kind, academic_year, term_code, figures, source_submission_id)
    select student_id, college_id, kind, academic_year, term_code, figures, source_submission_id
    from jsonb_to_recordset(${JSON.stringify(inserts)}::jsonb)
      as x(student_id int, college_id int, kind text, academic_year text, term_code text, figures jsonb, source_submission_id uuid)
    on conflict on constraint pending_items_once do nothing
    returning id`);
  return resultRows(result).length;
}
