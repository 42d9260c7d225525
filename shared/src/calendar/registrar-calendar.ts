import type { Locale } from "../messages/catalogue";
import type { SheetKind } from "../sheets/templates";

/**
 * The registrar's yearly task calendar (seed 004 附件二 时间安排表) as data: each task with its
 * owner, the term it falls in, the teaching weeks it occupies, and the check sheet it collects, if
 * any. Due dates follow from each term's start date. A school edits this as a setting.
 */
export interface CalendarTask {
  key: string;
  name: Record<Locale, string>;
  owner: "college" | "registrar" | "both";
  term: 1 | 2;
  /** Teaching weeks, 1-based; the task is due at the end of `toWeek`. */
  fromWeek: number;
  toWeek: number;
  sheet?: SheetKind;
}

const task = (
  key: string,
  zh: string,
  en: string,
  owner: CalendarTask["owner"],
  term: 1 | 2,
  fromWeek: number,
  toWeek: number,
  sheet?: SheetKind,
): CalendarTask => ({
  key,
  name: { "zh-CN": zh, en },
  owner,
  term,
  fromWeek,
  toWeek,
  ...(sheet ? { sheet } : {}),
});

export const DEFAULT_REGISTRAR_CALENDAR: readonly CalendarTask[] = [
  // 秋期第一、二周 新生报到信息核对
  task("new-student-check", "新生学籍电子注册信息核对", "New-student registration check", "both", 1, 1, 2, "roster-new"),
  // 秋期 老生报到注册 两周内; 10月前 在校生学年电子注册 (a term starting in September: week 4)
  task("returning-registration", "在校生学年电子注册信息核对", "Returning-student registration check", "both", 1, 1, 4, "roster-returning"),
  // 秋期第三周 / 春期第三周 休学期满及未报到学生学籍清理 → 退学处理申报表
  task("dismissal-autumn", "休学期满及未报到学生学籍清理（秋）", "Clearing expired suspensions (autumn)", "college", 1, 3, 3, "dismissal"),
  task("dismissal-spring", "休学期满及未报到学生学籍清理（春）", "Clearing expired suspensions (spring)", "college", 2, 3, 3, "dismissal"),
  // 秋期第三周起 成绩清理 两周内; 春期第四、五两周 成绩清理
  task("failed-courses-autumn", "不及格课程信息核对（秋）", "Failed-course check (autumn)", "both", 1, 3, 4, "failed-courses"),
  task("failed-courses-spring", "不及格课程信息核对（春）", "Failed-course check (spring)", "both", 2, 4, 5, "failed-courses"),
  // 6月 毕业生信息核对 一周 (a spring term starting late February: weeks 15–16)
  task("graduate-check", "毕业生信息核对", "Graduate check", "both", 2, 15, 16, "graduates"),
];

/** The date a task is due: the Sunday that ends its last teaching week (week 1 is the Monday-to-Sunday week the term starts in). */
export function taskDueDate(termStart: string, task: CalendarTask): string {
  const start = Date.parse(`${termStart}T00:00:00Z`);
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday + (task.toWeek * 7 - 1) * 86_400_000).toISOString().slice(0, 10);
}
