import type { Role } from "../auth/roles";
import { addDays, daysInMonth, ymd } from "../fields/calendar-date";
import type { Locale } from "../messages/locale";
import type { SheetKind } from "../sheets/templates";
import type { ApplicationType } from "../workflows/application-types";

/**
 * The registrar's yearly task calendar (seed 004 附件二 长江师范学院学生学籍管理时间安排表) as data:
 * every row of the table with its 完成单位, the system role responsible, when it falls (teaching
 * weeks of a term, a month, or 无确定时间 on request), its 完成期限 as written, and the check sheet
 * or workflow it concerns. Due dates follow from each term's start. A school edits this as a setting.
 */
export type CalendarUnit = "college" | "registrar-centre" | "registrar" | "admissions-office" | "exam-centre" | "teaching-operations";

export const CALENDAR_UNIT_LABELS: Readonly<Record<CalendarUnit, Record<Locale, string>>> = {
  college: { "zh-CN": "二级学院", en: "College" },
  "registrar-centre": { "zh-CN": "教务处学籍中心", en: "Registrar's status centre" },
  registrar: { "zh-CN": "教务处", en: "Registrar" },
  "admissions-office": { "zh-CN": "招生就业工作处", en: "Admissions and careers office" },
  "exam-centre": { "zh-CN": "教务处考试中心", en: "Examination centre" },
  "teaching-operations": { "zh-CN": "教务处教学运行科", en: "Teaching operations" },
};

export interface CalendarTask {
  key: string;
  name: Record<Locale, string>;
  /** 完成单位, as the table names them. */
  units: readonly CalendarUnit[];
  /** The role in the system that answers for the row (the secretary for a college's part). */
  role: Role;
  owner: "college" | "registrar" | "both";
  /** The term the row falls in: 秋期 and August–January are 1, 春期 and February–July 2. */
  term: 1 | 2;
  /** Teaching weeks, 1-based (秋期第一、二周 → 1–2); due at the end of `toWeek`. */
  fromWeek?: number;
  toWeek?: number;
  /** The month the row names (8月, 11月 …); with `beforeMonth`, “10月前”: due the day before it starts. */
  month?: number;
  beforeMonth?: boolean;
  /** 无确定时间: done when a case arises, within its workflow's deadline. */
  onRequest?: boolean;
  /** 完成期限 as written in the table. */
  deadline: Record<Locale, string>;
  sheet?: SheetKind;
  workflow?: ApplicationType;
}

type Timing = Pick<CalendarTask, "term" | "fromWeek" | "toWeek" | "month" | "beforeMonth" | "onRequest">;
const weeks = (term: 1 | 2, fromWeek: number, toWeek: number): Timing => ({ term, fromWeek, toWeek });
const month = (m: number, beforeMonth = false): Timing => ({
  term: m >= 8 || m === 1 ? 1 : 2,
  month: m,
  ...(beforeMonth ? { beforeMonth } : {}),
});
const ON_REQUEST: Timing = { term: 1, onRequest: true };

const UNIT_ROLE: Record<CalendarUnit, Role> = {
  college: "secretary",
  "registrar-centre": "registrar-staff",
  registrar: "registrar-staff",
  "admissions-office": "registrar-staff",
  "exam-centre": "registrar-staff",
  "teaching-operations": "registrar-staff",
};

function task(
  key: string,
  name: [string, string],
  units: CalendarUnit[],
  timing: Timing,
  deadline: [string, string],
  concerns: { sheet?: SheetKind; workflow?: ApplicationType } = {},
): CalendarTask {
  const colleges = units.includes("college");
  return {
    key,
    name: { "zh-CN": name[0], en: name[1] },
    units,
    role: UNIT_ROLE[units[0] as CalendarUnit],
    owner: colleges && units.length > 1 ? "both" : colleges ? "college" : "registrar",
    ...timing,
    deadline: { "zh-CN": deadline[0], en: deadline[1] },
    ...concerns,
  };
}

const C: CalendarUnit[] = ["college"];
const CR: CalendarUnit[] = ["college", "registrar-centre"];
const RC: CalendarUnit[] = ["registrar-centre", "college"];
const CX: CalendarUnit[] = ["college", "exam-centre"];

/** The calendar row whose due date ends changes to the year's graduates' data (seed 000 六.1). */
export const GRADUATE_FREEZE_TASK = "graduate-data-freeze";

/**
 * The first day the year's graduates' data is frozen: the day after the freeze row's due date in `academicYear`
 * (2025-2026 with the default row: 2026-05-01). A calendar without the row takes the default one.
 */
export function graduateFreezeFrom(academicYear: string, tasks: readonly CalendarTask[]): string {
  const found =
    tasks.find((t) => t.key === GRADUATE_FREEZE_TASK) ??
    (DEFAULT_REGISTRAR_CALENDAR.find((t) => t.key === GRADUATE_FREEZE_TASK) as CalendarTask);
  const startYear = Number(academicYear.slice(0, 4));
  // A stand-in start of the row's term: its due date depends only on the month or weeks from it.
  const termStart = found.term === 1 ? ymd(startYear, 9, 1) : ymd(startYear + 1, 2, 15);
  return addDays(calendarDueDate(termStart, found) ?? ymd(startYear + 1, 4, 30), 1);
}

/** Every row of seed 004 附件二, in the table's order (the blank 时间 cells take the row above). */
export const DEFAULT_REGISTRAR_CALENDAR: readonly CalendarTask[] = [
  task("new-student-data", ["新生数据处理", "New-student data"], ["registrar-centre"], month(8), ["五天内", "within five days"]),
  task("new-student-report", ["新生报到注册", "New-student reporting"], C, weeks(1, 1, 1), ["两天内", "within two days"]),
  task("returning-report", ["老生报到注册", "Returning students reporting"], C, weeks(1, 1, 2), ["两周内", "within two weeks"]),
  task("resumption-autumn", ["学生复学处理（秋）", "Resumptions (autumn)"], CR, weeks(1, 1, 1), ["五天内", "within five days"], {
    workflow: "resumption",
  }),
  task("suspension-autumn", ["学生休学处理（秋）", "Suspensions (autumn)"], CR, weeks(1, 1, 2), ["两周内", "within two weeks"], {
    workflow: "suspension",
  }),
  task("demotion-autumn", ["学生降级处理（秋）", "Demotions (autumn)"], CR, weeks(1, 1, 1), ["五天内", "within five days"], {
    workflow: "demotion",
  }),
  task(
    "keep-admission",
    ["保留入学资格", "Deferred admission"],
    ["college", "admissions-office", "registrar-centre"],
    weeks(1, 1, 1),
    ["当天", "the same day"],
    {
      workflow: "keep-admission",
    },
  ),
  // 秋期第一、二周 新生报到信息核对 第二周内
  task(
    "new-student-check",
    ["新生学籍电子注册信息核对", "New-student registration check"],
    RC,
    weeks(1, 1, 2),
    ["第二周内", "by the end of week 2"],
    {
      sheet: "roster-new",
    },
  ),
  task("give-up-admission", ["放弃入学资格", "Giving up admission"], CR, weeks(1, 1, 2), ["当天内", "the same day"], {
    workflow: "give-up-admission",
  }),
  task("make-up-exams-autumn", ["组织补考（秋）", "Make-up exams (autumn)"], CX, weeks(1, 1, 2), ["一周内", "within a week"]),
  // 秋期第三周
  task(
    "dismissal-autumn",
    ["休学期满及未报到学生学籍清理（秋）", "Clearing expired suspensions (autumn)"],
    CR,
    weeks(1, 3, 3),
    ["第三周内", "within week 3"],
    {
      sheet: "dismissal",
    },
  ),
  task("student-cards", ["学生证办理", "Student cards"], ["college", "teaching-operations"], weeks(1, 3, 3), [
    "五天内",
    "within five days",
  ]),
  task("make-up-scores-autumn", ["补考成绩录入（秋）", "Make-up scores (autumn)"], CX, weeks(1, 3, 3), ["一周内", "within a week"]),
  task(
    "failed-courses-autumn",
    ["不及格课程信息核对（秋）", "Failed-course check (autumn)"],
    RC,
    weeks(1, 3, 4),
    ["两周内", "within two weeks"],
    {
      sheet: "failed-courses",
    },
  ),
  // 秋期第四、五两周
  task("base-reports", ["填报高校基层报表", "Basic statistical returns"], ["registrar"], weeks(1, 4, 5), ["五天内", "within five days"]),
  // 10月前 在校生学年电子注册: before October, and (seed 003 第十二条) the colleges report by the end of week 3.
  task(
    "returning-registration",
    ["在校生学年电子注册信息核对", "Returning-student registration check"],
    RC,
    { ...weeks(1, 1, 3), month: 10, beforeMonth: true },
    ["上级规定时间内完成（10月前；学院第三周结束前报送）", "as set by the authorities (before October; colleges by the end of week 3)"],
    { sheet: "roster-returning" },
  ),
  task("new-student-registration", ["新生电子注册", "New-student electronic registration"], RC, month(10, true), [
    "上级规定时间内完成",
    "as set by the authorities",
  ]),
  task("status-data", ["状态数据填报", "Status data returns"], ["registrar"], month(11), ["在规定时间内完成", "as set"]),
  task(
    "changes-review",
    ["学籍异动清理（含缓交学费清理）", "Review of the year's status changes and deferred fees"],
    ["registrar"],
    month(12),
    ["两周内", "within two weeks"],
  ),
  task("second-graduation", ["第二次毕业及授位工作", "Second graduation and degree round"], RC, month(12), [
    "工作日程内",
    "on the schedule",
  ]),
  task("change-major", ["转专业工作", "Changes of major"], RC, month(1), ["工作日程内", "on the schedule"], { workflow: "change-major" }),
  task("spring-report", ["春季报到注册处理", "Spring reporting"], C, weeks(2, 1, 2), ["两周内", "within two weeks"]),
  task("resumption-spring", ["学生复学处理（春）", "Resumptions (spring)"], CR, weeks(2, 1, 1), ["一周内", "within a week"], {
    workflow: "resumption",
  }),
  task("suspension-spring", ["学生休学处理（春）", "Suspensions (spring)"], CR, weeks(2, 1, 2), ["两周内", "within two weeks"], {
    workflow: "suspension",
  }),
  task("demotion-spring", ["学生降级处理（春）", "Demotions (spring)"], CR, weeks(2, 1, 1), ["五天内", "within five days"], {
    workflow: "demotion",
  }),
  task("make-up-exams-spring", ["组织补考（春）", "Make-up exams (spring)"], CX, weeks(2, 1, 2), ["一周内", "within a week"]),
  task(
    "dismissal-spring",
    ["休学期满及未报到学生学籍清理（春）", "Clearing expired suspensions (spring)"],
    CR,
    weeks(2, 3, 3),
    ["第三周内", "within week 3"],
    {
      sheet: "dismissal",
    },
  ),
  task("make-up-scores-spring", ["补考成绩录入（春）", "Make-up scores (spring)"], CX, weeks(2, 3, 3), ["一周内", "within a week"]),
  task(
    "failed-courses-spring",
    ["不及格课程信息核对（春）", "Failed-course check (spring)"],
    RC,
    weeks(2, 4, 5),
    ["两周内", "within two weeks"],
    {
      sheet: "failed-courses",
    },
  ),
  task("graduate-photos", ["毕业生电子摄像", "Graduate photographs"], RC, month(3), ["一周内", "within a week"]),
  task("graduate-photo-check", ["毕业生电子图像信息核对", "Graduate photo check"], RC, month(4), ["一个月内", "within a month"]),
  // seed 000 六.1: “毕业生所有信息在当年的四月底之后不再进行更改及补充” — from the day after, the year's graduates'
  // identity and certificate fields are frozen (services/students/graduate-freeze.ts); a school moves it here.
  task(
    GRADUATE_FREEZE_TASK,
    ["毕业生信息冻结（此后不再更改及补充）", "Graduates' data frozen (no changes after)"],
    ["registrar-centre"],
    month(4),
    ["四月底", "end of April"],
  ),
  task("upgrade-admission", ["专升本录取", "专升本 admissions"], RC, month(5), ["工作日程内", "on the schedule"]),
  task("graduate-check", ["毕业生信息核对", "Graduate check"], RC, month(6), ["一周", "one week"], { sheet: "graduates" }),
  task("graduation-audit", ["毕业、授位资格审查", "Graduation and degree audit"], ["college", "registrar"], month(6), ["一周", "one week"]),
  task("certificates-made", ["毕业、学位证书制作", "Making certificates"], ["registrar-centre"], month(6), ["十天", "ten days"]),
  task("certificates-given", ["毕业证书、学位证书发放", "Handing out certificates"], RC, month(6), ["一天", "one day"]),
  task("certificates-reissued", ["毕业证书换发、学位补授", "Certificates exchanged, degrees awarded later"], CR, month(6), [
    "一周",
    "one week",
  ]),
  // 无确定时间 (the table's 自动退学处理 is a withdrawal the student asks for: “自愿申请退学学生”)
  task("withdrawal", ["自动退学处理（本人申请退学）", "Withdrawals at the student's request"], CR, ON_REQUEST, ["一天", "one day"], {
    workflow: "withdrawal",
  }),
  task("deregistration", ["注销学籍处理", "Deregistration (death)"], CR, ON_REQUEST, ["一天", "one day"], { workflow: "deregistration" }),
];

/** The Sunday that ends teaching week `week` of a term (week 1 is the Monday-to-Sunday week the term starts in). */
export function endOfTeachingWeek(termStart: string, week: number): string {
  const start = Date.parse(`${termStart}T00:00:00Z`);
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday + (week * 7 - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of a named month in the academic year of `termStart` (“10月前”: the day before it starts). */
function monthDue(termStart: string, term: 1 | 2, m: number, before: boolean): string {
  const startYear = Number(termStart.slice(0, 4)) - (term === 2 ? 1 : 0);
  const year = m >= 8 ? startYear : startYear + 1;
  return before ? addDays(ymd(year, m, 1), -1) : ymd(year, m, daysInMonth(year, m));
}

/**
 * The date a task is due, from the start of its term: the end of its last teaching week, the end of
 * its month (or the day before, for “N月前”), and when a row has both, the earlier — so 老生注册's
 * “10月前” and the colleges' “第三周结束前” never put the deadline into the 国庆 holiday. Null for 无确定时间.
 */
export function calendarDueDate(termStart: string, task: CalendarTask): string | null {
  const candidates: string[] = [];
  if (task.toWeek !== undefined) candidates.push(endOfTeachingWeek(termStart, task.toWeek));
  if (task.month !== undefined) candidates.push(monthDue(termStart, task.term, task.month, task.beforeMonth ?? false));
  return candidates.sort()[0] ?? null;
}

/** `calendarDueDate` for a task that has a time (every check sheet does); a task on request is due at the term's start. */
export function taskDueDate(termStart: string, task: CalendarTask): string {
  return calendarDueDate(termStart, task) ?? termStart;
}
