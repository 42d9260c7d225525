import type { ApplicationType, Role } from "@xueji/shared";
import { and, eq, inArray } from "drizzle-orm";
import { todayInChina } from "../../clock";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { workCalendar } from "../applications/workflow-for";
import { myWork } from "../insights/my-work";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { settingInForce } from "../settings/settings-store";
import { dashboardLink, enqueue } from "./enqueue";

/** Whoever decides a stage of a workflow (seed 002's 审批): the secretary's drafts are her own list, not a digest. */
const APPROVER_ROLES: Role[] = ["college-leader", "registrar-staff", "registrar-leader", "school-leader"];
/** A digest names the first items; the link to 我的待办 has the rest. */
const LINES = 10;

function when(daysLeft: number | null): string {
  if (daysLeft === null) return "无期限";
  if (daysLeft < 0) return `**已逾期 ${-daysLeft} 个工作日**`;
  if (daysLeft === 0) return "今天到期";
  return `剩 ${daysLeft} 个工作日`;
}

/**
 * The day's digest: to each approver with something waiting, what waits (oldest deadline first), with the
 * working days left or overdue, each line linking to the application. Queued once a day per person
 * (the dedupe key), however often and by however many processes it runs; delivered by deliverOutbox.
 */
export async function queueDigests(db: Db, now: Date): Promise<{ queued: number }> {
  const today = todayInChina(now);
  const year = await currentAcademicYear(db, today);
  // Working days only (the holiday calendar in force, 调休 included): nobody approves on a Sunday.
  if (!(await workCalendar(db, year)).isWorkingDay(today)) return { queued: 0 };
  const approvers = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, collegeId: users.collegeId })
    .from(users)
    .where(and(eq(users.disabled, false), inArray(users.role, APPROVER_ROLES)));
  const typeNames = new Map<string, string>();
  const typeName = async (type: string) => {
    if (!typeNames.has(type)) {
      const workflow = await settingInForce<{ name: Record<"zh-CN", string> }>(db, "workflow", type as ApplicationType, year);
      typeNames.set(type, workflow.value.name["zh-CN"]);
    }
    return typeNames.get(type) as string;
  };
  let queued = 0;
  for (const approver of approvers) {
    const page = await myWork(db, { worker: approver, today, limit: 100 });
    if (page.items.length === 0) continue;
    const overdue = page.items.filter((i) => (i.workingDaysLeft ?? 0) < 0).length;
    const more = page.nextCursor ? "以上" : "";
    const lines = [
      `${approver.displayName}老师：您有 ${page.items.length} 件${more}学籍异动待审批${overdue ? `，其中 ${overdue} 件已逾期` : ""}。`,
    ];
    for (const item of page.items.slice(0, LINES))
      lines.push(
        `- [${item.name}·${await typeName(item.type)}](${dashboardLink(`/applications/${item.id}`)})　${when(item.workingDaysLeft)}`,
      );
    if (page.items.length > LINES) lines.push(`- ……[全部待办](${dashboardLink("/my-work")})`);
    const ids = await db.transaction((tx) =>
      enqueue(
        tx,
        {
          collegeId: approver.collegeId,
          recipientUserId: approver.id,
          event: "digest",
          title: overdue ? `待办提醒（${overdue} 件逾期）` : "待办提醒",
          lines,
          dedupeKey: `digest:${approver.id}:${today}`,
        },
        now,
      ),
    );
    queued += ids.length;
  }
  return { queued };
}
