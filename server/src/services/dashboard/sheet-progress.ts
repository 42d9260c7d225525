import { AppError, type CalendarTask, taskDueDate, termOn } from "@xueji/shared";
import { and, eq, ne, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, sheetSubmissions, terms } from "../../db/schema";
import { settingInForce } from "../settings/settings-store";

export type ProgressState = "missing" | "submitted" | "accepted" | "rejected";

/** Sheet progress of the term named, else of the term today falls in (none between terms: no rows). */
export async function termSheetProgress(db: Db, options: { termCode?: string | undefined; today: string; collegeId?: number | undefined }) {
  const termCode = options.termCode ?? termOn(await db.select().from(terms), options.today)?.code;
  if (!termCode) return { termCode: null, rows: [] };
  return { termCode, rows: await sheetProgress(db, { termCode, today: options.today, collegeId: options.collegeId }) };
}

/**
 * Each college's check sheets for a term against the registrar's calendar (seed 004): due, sent,
 * accepted, or overdue (nothing accepted or waiting by the due date).
 */
export async function sheetProgress(db: Db, options: { termCode: string; today: string; collegeId?: number | undefined }) {
  const [term] = await db.select().from(terms).where(eq(terms.code, options.termCode)).limit(1);
  if (!term) throw new AppError("term.unknown", { term: options.termCode });
  const semester = Number(options.termCode.slice(-1));
  const calendar = await settingInForce<{ tasks: CalendarTask[] }>(db, "registrar-calendar", "default", term.academicYear);
  const tasks = calendar.value.tasks.filter((t) => t.term === semester && t.sheet);
  const collegeWhere: SQL[] = options.collegeId !== undefined ? [eq(colleges.id, options.collegeId)] : [];
  const allColleges = await db
    .select()
    .from(colleges)
    .where(collegeWhere.length ? and(...collegeWhere) : undefined)
    .orderBy(colleges.code);
  const submissions = await db
    .select({
      kind: sheetSubmissions.kind,
      collegeId: sheetSubmissions.collegeId,
      version: sheetSubmissions.version,
      state: sheetSubmissions.state,
      submittedAt: sheetSubmissions.submittedAt,
    })
    .from(sheetSubmissions)
    .where(and(eq(sheetSubmissions.termCode, options.termCode), ne(sheetSubmissions.state, "superseded")));
  const latest = new Map<string, (typeof submissions)[number]>();
  for (const s of submissions) {
    const key = `${s.collegeId}|${s.kind}`;
    if ((latest.get(key)?.version ?? 0) < s.version) latest.set(key, s);
  }
  return allColleges.flatMap((college) =>
    tasks.map((task) => {
      const dueOn = taskDueDate(term.startDate, task);
      const found = latest.get(`${college.id}|${task.sheet}`);
      const state: ProgressState = (found?.state as ProgressState | undefined) ?? "missing";
      const overdue = options.today > dueOn && (state === "missing" || state === "rejected");
      return {
        collegeId: college.id,
        collegeName: college.name,
        task: task.key,
        taskName: task.name,
        kind: task.sheet,
        dueOn,
        state,
        version: found?.version ?? null,
        overdue,
      };
    }),
  );
}
