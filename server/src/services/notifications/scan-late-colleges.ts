import { termOn } from "@xueji/shared";
import { isNull } from "drizzle-orm";
import { todayInChina } from "../../clock";
import type { Db } from "../../db/client";
import { terms } from "../../db/schema";
import { sheetProgress } from "../dashboard/sheet-progress";
import { dashboardLink, enqueue } from "./enqueue";

/**
 * The registrar office hears when a college is late against the registrar calendar (seed 004 附件二): a check
 * sheet of this term past its due date with nothing sent or waiting (sheet-progress.ts's 逾期). One message per
 * college, sheet and term (the dedupe key), sent the first day it is late.
 */
export async function scanLateColleges(db: Db, now: Date): Promise<{ queued: number }> {
  const today = todayInChina(now);
  const all = await db
    .select({ code: terms.code, startDate: terms.startDate, endDate: terms.endDate })
    .from(terms)
    .where(isNull(terms.retiredAt));
  const term = termOn(all, today);
  if (!term) return { queued: 0 };
  const late = (await sheetProgress(db, { termCode: term.code, today })).filter((p) => p.overdue);
  let queued = 0;
  for (const row of late) {
    const ids = await db.transaction((tx) =>
      enqueue(
        tx,
        {
          collegeId: null,
          recipientUserId: null,
          event: "college-late",
          title: `${row.collegeName}逾期未报：${row.taskName["zh-CN"]}`,
          lines: [
            `${row.collegeName}的“${row.taskName["zh-CN"]}”应于 ${row.dueOn} 前报送，${row.state === "rejected" ? "退回后尚未重新报送" : "至今未报送"}。`,
            `[查看各学院报送进度](${dashboardLink(`/sheets?termCode=${encodeURIComponent(term.code)}`)})`,
          ],
          dedupeKey: `late:${term.code}:${row.collegeId}:${row.task}`,
        },
        now,
      ),
    );
    queued += ids.length;
  }
  return { queued };
}
