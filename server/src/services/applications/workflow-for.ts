import { type ApplicationType, DEFAULT_WORKFLOWS, type HolidayCalendar, WorkCalendar, type Workflow } from "@xueji/shared";
import type { Executor } from "../../db/client";
import { settingByVersion, settingInForce } from "../settings/settings-store";

type Editable = Pick<Workflow, "name" | "materials" | "reasons" | "stages" | "publicNoticeDays" | "deadlineWorkingDays">;

/** A stored workflow setting on top of the type's fixed parts (its status event, what it changes). */
function merge(type: ApplicationType, version: number, value: Editable): Workflow {
  return { ...DEFAULT_WORKFLOWS[type], ...value, type, version };
}

/** The workflow in force for new applications in an academic year. */
export async function workflowInForce(db: Executor, type: ApplicationType, academicYear: string): Promise<Workflow> {
  const setting = await settingInForce<Editable>(db, "workflow", type, academicYear);
  return merge(type, setting.version, setting.value);
}

/** The workflow an application was filed under: it keeps those rules even after the setting changes. */
export async function workflowOf(db: Executor, type: ApplicationType, version: number): Promise<Workflow> {
  const setting = await settingByVersion<Editable>(db, "workflow", type, version);
  return merge(type, version, setting.value);
}

/** The working-day calendar (holidays and 调休) in force for an academic year. */
export async function workCalendar(db: Executor, academicYear: string): Promise<WorkCalendar> {
  return new WorkCalendar((await settingInForce<HolidayCalendar>(db, "holidays", "cn", academicYear)).value);
}
