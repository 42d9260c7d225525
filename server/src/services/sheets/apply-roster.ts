import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import type { sheetSubmissions } from "../../db/schema";

type Submission = typeof sheetSubmissions.$inferSelect;

function rowCount(result: unknown): number {
  const r = result as { rows?: unknown[]; affectedRows?: number; count?: number };
  return r.affectedRows ?? r.count ?? r.rows?.length ?? (Array.isArray(result) ? result.length : 0);
}

/**
 * Accepting a roster updates each listed student's registration for the academic year (seed 003
 * 第十条–第十一条: 注册 / 暂缓注册 …); on the new-student roster a 录取 student who reported is
 * registered, 录取 → 在读 (DOMAIN.md §2). Both are single set-based statements.
 */
export async function applyRoster(tx: Tx, submission: Submission): Promise<{ pendingItemsCreated: number; recordsUpdated: number }> {
  const academicYear = submission.termCode.slice(0, 9);
  const upserted = await tx.execute(sql`
    insert into registrations (student_id, academic_year, status, source_submission_id, updated_at)
    select s.id, ${academicYear}, r."values"->'registrationStatus'->>'code', ${submission.id}, now()
    from sheet_rows r
    join students s on s.student_no = r.student_no and s.college_id = ${submission.collegeId}
    where r.submission_id = ${submission.id} and r.error_count = 0 and r."values" ? 'registrationStatus'
    on conflict (student_id, academic_year) do update
      set status = excluded.status, source_submission_id = excluded.source_submission_id, updated_at = now()`);
  if (submission.kind === "roster-new") {
    await tx.execute(sql`
      update students s set status = 'enrolled', updated_at = now()
      from sheet_rows r
      where r.submission_id = ${submission.id} and r.error_count = 0 and s.student_no = r.student_no
        and s.college_id = ${submission.collegeId} and s.status = 'admitted'
        and r."values"->'registrationStatus'->>'code' = 'registered'`);
  }
  return { pendingItemsCreated: 0, recordsUpdated: rowCount(upserted) };
}
