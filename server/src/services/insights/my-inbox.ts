import { type Role, scopeOf } from "@xueji/shared";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { colleges, pendingItems, sheetSubmissions, terms } from "../../db/schema";
import { workCalendar } from "../applications/workflow-for";
import { sheetProgress } from "../dashboard/sheet-progress";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { termOn } from "../reference/reference-data";
import { signedWorkingDays } from "./my-work";

export const INBOX_KINDS = ["sheet-returned", "sheet-due", "sheet-to-review", "standing-pending", "standing-take-up"] as const;

export const myInboxOutput = z.object({
  items: z.array(
    z.object({
      kind: z.enum(INBOX_KINDS),
      collegeId: z.number(),
      collegeName: z.string(),
      termCode: z.string().nullable(),
      /** The sheet's kind (sheets), or the standing outcome (学业预警). */
      subject: z.string(),
      /** The registrar calendar's name of the task (sheets due), else null. */
      taskName: z.object({ "zh-CN": z.string(), en: z.string() }).nullable(),
      dueOn: z.string().nullable(),
      workingDaysLeft: z.number().nullable(),
      count: z.number(),
      /** Why a sheet came back (the registrar's words). */
      reason: z.string().nullable(),
    }),
  ),
});
type Item = z.infer<typeof myInboxOutput>["items"][number];

export interface InboxWorker {
  role: Role;
  collegeId: number | null;
}

/** 留级 and 退学 outcomes are the registrar's to take up (学籍处理); warnings are only lifted. */
const TAKE_UP_KINDS = ["repeat", "dismissal"] as const;

/**
 * 我的待办 beyond applications, by what the role does (docs/domain.md §1, seed 004's calendar):
 * a secretary's returned sheets, the check sheets due or overdue for her college this term, and her
 * college's pending 学业预警; the registrar's sheets awaiting review and the standing outcomes to take up.
 * Small by nature (colleges × tasks), so answered whole.
 */
export async function myInbox(db: Db, options: { worker: InboxWorker; today: string }) {
  const { worker, today } = options;
  const items: Item[] = [];
  const calendar = await workCalendar(db, await currentAcademicYear(db, today));
  const left = (due: string | null) => (due === null ? null : signedWorkingDays(calendar, today, due));
  const term = termOn(await db.select().from(terms), today);
  const ownCollege = scopeOf("sheets.submit", worker.role) === "own-college" ? worker.collegeId : null;

  if (ownCollege !== null && term) {
    const progress = await sheetProgress(db, { termCode: term.code, today, collegeId: ownCollege });
    const returned = await db
      .select({ kind: sheetSubmissions.kind, reason: sheetSubmissions.reviewReason, version: sheetSubmissions.version })
      .from(sheetSubmissions)
      .where(
        and(eq(sheetSubmissions.collegeId, ownCollege), eq(sheetSubmissions.termCode, term.code), eq(sheetSubmissions.state, "rejected")),
      )
      .orderBy(desc(sheetSubmissions.version));
    for (const p of progress) {
      if (p.state !== "missing" && p.state !== "rejected") continue;
      const back = p.state === "rejected" ? returned.find((r) => r.kind === p.kind && r.version === p.version) : undefined;
      items.push({
        kind: p.state === "rejected" ? "sheet-returned" : "sheet-due",
        collegeId: p.collegeId,
        collegeName: p.collegeName,
        termCode: term.code,
        subject: p.kind ?? p.task,
        taskName: p.taskName,
        dueOn: p.dueOn,
        workingDaysLeft: left(p.dueOn),
        count: 1,
        reason: back?.reason ?? null,
      });
    }
  }
  if (ownCollege !== null) {
    const standing = await db
      .select({ kind: pendingItems.kind, collegeName: colleges.name, n: count() })
      .from(pendingItems)
      .innerJoin(colleges, eq(colleges.id, pendingItems.collegeId))
      .where(and(eq(pendingItems.collegeId, ownCollege), eq(pendingItems.state, "pending")))
      .groupBy(pendingItems.kind, colleges.name);
    for (const s of standing) items.push(standingItem("standing-pending", ownCollege, s.collegeName, s.kind, s.n));
  }
  if (scopeOf("sheets.review", worker.role)) {
    const waiting = await db
      .select({
        collegeId: sheetSubmissions.collegeId,
        collegeName: colleges.name,
        kind: sheetSubmissions.kind,
        termCode: sheetSubmissions.termCode,
        n: count(),
      })
      .from(sheetSubmissions)
      .innerJoin(colleges, eq(colleges.id, sheetSubmissions.collegeId))
      .where(eq(sheetSubmissions.state, "submitted"))
      .groupBy(sheetSubmissions.collegeId, colleges.name, colleges.code, sheetSubmissions.kind, sheetSubmissions.termCode)
      .orderBy(colleges.code, sheetSubmissions.termCode);
    for (const w of waiting)
      items.push({
        kind: "sheet-to-review",
        collegeId: w.collegeId,
        collegeName: w.collegeName,
        termCode: w.termCode,
        subject: w.kind,
        taskName: null,
        dueOn: null,
        workingDaysLeft: null,
        count: w.n,
        reason: null,
      });
  }
  if (scopeOf("pending.take-up", worker.role)) {
    const toTakeUp = await db
      .select({ collegeId: pendingItems.collegeId, collegeName: colleges.name, kind: pendingItems.kind, n: count() })
      .from(pendingItems)
      .innerJoin(colleges, eq(colleges.id, pendingItems.collegeId))
      .where(and(eq(pendingItems.state, "pending"), inArray(pendingItems.kind, [...TAKE_UP_KINDS])))
      .groupBy(pendingItems.collegeId, colleges.name, colleges.code, pendingItems.kind)
      .orderBy(colleges.code);
    for (const s of toTakeUp) items.push(standingItem("standing-take-up", s.collegeId, s.collegeName, s.kind, s.n));
  }
  // Overdue first, then the nearest deadline; undated work after.
  items.sort((a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"));
  return { items };
}

function standingItem(kind: Item["kind"], collegeId: number, collegeName: string, subject: string, n: number): Item {
  return {
    kind,
    collegeId,
    collegeName,
    termCode: null,
    subject,
    taskName: null,
    dueOn: null,
    workingDaysLeft: null,
    count: n,
    reason: null,
  };
}
