import type { RowValues } from "@xueji/shared";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { sheetRows, type sheetSubmissions } from "../../db/schema";
import type { Actor } from "../audit-log/record-event";
import { type DegreeFacts, recordDegreeFactsIn } from "../graduation/record-degree-facts";
import type { RosterEffects } from "./apply-roster";

type Submission = typeof sheetSubmissions.$inferSelect;

/**
 * Accepting a graduates sheet (毕业生信息核对表, docs/domain.md §4: it feeds the graduation and degree
 * audits) records the degree facts it carries — 平均学分绩点 and 处分 — for the degree audit's
 * conditions, through the same audited service as the registrar's `graduation.recordFacts`: one
 * event for the sheet. A blank GPA cell leaves what the record holds; rows with errors and other
 * colleges' students are not applied.
 *
 * 处分: a sheet reports sanctions, it does not clear them. 无 — typed, or a blank cell in the 处分
 * column (FIELDS.discipline.blankMeans) — fills in only where the record holds none, so a college's
 * sheet cannot erase a 记过 the registrar recorded from the 学工处 list (clearing one is the
 * registrar's, by `graduation.recordFacts`); a sanction on the sheet is recorded as it says.
 */
export async function applyGraduates(tx: Tx, submission: Submission, actor: Actor): Promise<RosterEffects> {
  const rows = await tx
    .select({ values: sheetRows.values })
    .from(sheetRows)
    .where(and(eq(sheetRows.submissionId, submission.id), eq(sheetRows.errorCount, 0)));
  const items: DegreeFacts[] = [];
  for (const { values } of rows) {
    const v = values as RowValues;
    if (!v.studentNo || (v.gpa === undefined && v.discipline === undefined)) continue;
    const none = v.discipline?.code === NO_SANCTION;
    items.push({
      studentNo: v.studentNo,
      ...(v.gpa !== undefined ? { gpa: v.gpa } : {}),
      ...(v.discipline && !none ? { facts: { discipline: v.discipline.code } } : {}),
      ...(none ? { defaults: { discipline: NO_SANCTION } } : {}),
    });
  }
  if (!items.length) return { pendingItemsCreated: 0, recordsUpdated: 0 };
  const { updated } = await recordDegreeFactsIn(tx, { actor, items, collegeId: submission.collegeId, source: submission.id });
  return { pendingItemsCreated: 0, recordsUpdated: updated };
}

/** 无 in the 处分 table (shared/src/codes/discipline.ts: this system's own code; 0018 has none). */
const NO_SANCTION = "0";
