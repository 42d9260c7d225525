import { sql } from "drizzle-orm";
import { type Db, resultRows, type Tx } from "../../db/client";
import { type Actor, recordEvent } from "../audit-log/record-event";

export interface DegreeFacts {
  studentNo: string;
  /** 平均学分绩点 as the academic system reports it. */
  gpa?: number | null | undefined;
  /** Other facts degree conditions read (cet4: true, discipline: "0" …), merged into what the record holds. */
  facts?: Record<string, string | number | boolean | null> | undefined;
  /** Facts that only fill in what the record does not hold yet (a sheet's 处分 无 never erases a sanction). */
  defaults?: Record<string, string | number | boolean | null> | undefined;
}

export interface RecordFactsOptions {
  actor: Actor;
  items: DegreeFacts[];
  /** Only this college's students (a college's sheet); null for the registrar's own list. */
  collegeId?: number | null;
  /** Where the facts came from (a sheet submission), for the audit event. */
  source?: string;
}

/**
 * Brings the data degree conditions read (GPA and facts such as CET-4) into the record, for the
 * cohort's students, in one set-based statement with its audit event; unknown students are listed.
 */
export async function recordDegreeFacts(db: Db, options: RecordFactsOptions) {
  return db.transaction((tx) => recordDegreeFactsIn(tx, options));
}

/**
 * The same, inside the caller's transaction — the one path by which both the registrar's list
 * (`graduation.recordFacts`) and an accepted graduates sheet write degree facts.
 */
export async function recordDegreeFactsIn(tx: Tx, options: RecordFactsOptions) {
  const payload = JSON.stringify(
    options.items.map((i) => ({
      student_no: i.studentNo,
      gpa: i.gpa ?? null,
      has_gpa: i.gpa !== undefined,
      facts: i.facts ?? {},
      defaults: i.defaults ?? {},
    })),
  );
  const collegeId = options.collegeId ?? null;
  const updated = resultRows<{ student_no: string }>(
    await tx.execute(sql`
      update students s set
        gpa = case when x.has_gpa then x.gpa else s.gpa end,
        facts = x.defaults || jsonb_strip_nulls(s.facts) || x.facts,
        updated_at = now()
      from jsonb_to_recordset(${payload}::jsonb) as x(student_no text, gpa numeric, has_gpa boolean, facts jsonb, defaults jsonb)
      where s.student_no = x.student_no and (${collegeId}::int is null or s.college_id = ${collegeId}::int)
      returning s.student_no`),
  ).map((r) => r.student_no);
  const found = new Set(updated);
  await recordEvent(tx, options.actor, {
    action: "graduation.facts",
    entity: "students",
    entityId: String(updated.length),
    after: {
      students: updated,
      keys: [
        ...new Set(options.items.flatMap((i) => [...(i.gpa !== undefined ? ["gpa"] : []), ...Object.keys({ ...i.defaults, ...i.facts })])),
      ],
      ...(options.source ? { source: options.source } : {}),
    },
  });
  return { updated: updated.length, unknown: options.items.map((i) => i.studentNo).filter((n) => !found.has(n)) };
}
