import { sql } from "drizzle-orm";
import { resultRows, type Tx } from "../../db/client";
import type { sheetSubmissions } from "../../db/schema";

type Submission = typeof sheetSubmissions.$inferSelect;

export interface RosterEffects {
  pendingItemsCreated: number;
  recordsUpdated: number;
  /** New students marked 报到 by this roster (录取 → 报到), for the audit event. */
  registered?: string[];
  /** A deadline the effects set (退学处理's 办理期限) counted through a year whose holidays are not published. */
  provisional?: boolean;
}

/**
 * Accepting a roster updates each listed student's registration for the academic year (seed 003
 * 第十条–第十一条: 注册 / 暂缓注册 …); on the new-student roster a 录取 student who came is marked
 * 报到, 录取 → 报到: 在读 follows 新生电子注册 (seed 004: 放弃入学资格 stays possible until then;
 * services/registration). 学年注册 is for returning students (seed 003 第十条 “从学生入学次年起”):
 * on the returning roster the year's new students are left out. Both are single set-based statements.
 */
export async function applyRoster(tx: Tx, submission: Submission): Promise<RosterEffects> {
  const academicYear = submission.termCode.slice(0, 9);
  const upserted = await tx.execute(sql`
    insert into registrations (student_id, academic_year, status, source_submission_id, updated_at)
    select s.id, ${academicYear}, r."values"->'registrationStatus'->>'code', ${submission.id}, now()
    from sheet_rows r
    join students s on s.student_no = r.student_no and s.college_id = ${submission.collegeId}
    where r.submission_id = ${submission.id} and r.error_count = 0 and r."values" ? 'registrationStatus'
      and (${submission.kind} <> 'roster-returning' or s.grade < ${Number(academicYear.slice(0, 4))})
      -- 休学学生不注册 (seed 003 第十一条), even if the record moved to 休学 after the sheet was checked.
      and not (s.status = 'suspended' and r."values"->'registrationStatus'->>'code' = 'registered')
    on conflict (student_id, academic_year) do update
      set status = excluded.status, source_submission_id = excluded.source_submission_id, updated_at = now()
    returning student_id`);
  const recordsUpdated = resultRows(upserted).length;
  if (submission.kind !== "roster-new") return { pendingItemsCreated: 0, recordsUpdated };
  const changed = await tx.execute(sql`
    update students s set status = 'reported', updated_at = now()
    from sheet_rows r
    where r.submission_id = ${submission.id} and r.error_count = 0 and s.student_no = r.student_no
      and s.college_id = ${submission.collegeId} and s.status = 'admitted'
      and r."values"->'registrationStatus'->>'code' = 'registered'
    returning s.student_no`);
  return { pendingItemsCreated: 0, recordsUpdated, registered: resultRows<{ student_no: string }>(changed).map((r) => r.student_no) };
}
