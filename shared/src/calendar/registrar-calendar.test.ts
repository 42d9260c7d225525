import { describe, expect, it } from "vitest";
import { holidayWarning } from "./holiday-warnings";
import { CN_HOLIDAYS } from "./holidays-cn";
import { calendarDueDate, DEFAULT_REGISTRAR_CALENDAR, GRADUATE_FREEZE_TASK, graduateFreezeFrom } from "./registrar-calendar";
import { missingHolidayYears, WorkCalendar } from "./working-days";

const byKey = Object.fromEntries(DEFAULT_REGISTRAR_CALENDAR.map((t) => [t.key, t]));
const task = (key: string) => byKey[key] as (typeof DEFAULT_REGISTRAR_CALENDAR)[number];

describe("the registrar's calendar has every row of seed 004 附件二", () => {
  it("has the table's 39 rows and seed 000 六.1's freeze, each with 完成单位, a responsible role, when, and 完成期限", () => {
    expect(DEFAULT_REGISTRAR_CALENDAR).toHaveLength(40);
    expect(new Set(DEFAULT_REGISTRAR_CALENDAR.map((t) => t.key)).size).toBe(40);
    for (const t of DEFAULT_REGISTRAR_CALENDAR) {
      expect(t.units.length).toBeGreaterThan(0);
      expect(t.role).toBeTruthy();
      expect(t.deadline["zh-CN"]).toBeTruthy();
      expect(t.onRequest || t.toWeek !== undefined || t.month !== undefined).toBe(true);
    }
    // Each check sheet and each workflow the table names is linked.
    expect(DEFAULT_REGISTRAR_CALENDAR.filter((t) => t.sheet).map((t) => t.sheet)).toEqual([
      "roster-new",
      "dismissal",
      "failed-courses",
      "roster-returning",
      "dismissal",
      "failed-courses",
      "graduates",
    ]);
    expect(new Set(DEFAULT_REGISTRAR_CALENDAR.flatMap((t) => (t.workflow ? [t.workflow] : [])))).toEqual(
      new Set([
        "resumption",
        "suspension",
        "demotion",
        "keep-admission",
        "give-up-admission",
        "change-major",
        "withdrawal",
        "deregistration",
      ]),
    );
  });

  it("pins rows to the table: “8月 新生数据处理 … 教务处学籍中心 五天内”, “保留入学资格 … 二级学院 招生就业工作处 教务处学籍中心 当天”", () => {
    expect(task("new-student-data")).toMatchObject({
      month: 8,
      units: ["registrar-centre"],
      role: "registrar-staff",
      deadline: { "zh-CN": "五天内" },
    });
    expect(task("keep-admission")).toMatchObject({
      units: ["college", "admissions-office", "registrar-centre"],
      deadline: { "zh-CN": "当天" },
    });
    expect(task("deregistration")).toMatchObject({ onRequest: true, workflow: "deregistration", deadline: { "zh-CN": "一天" } });
  });

  it("dates the rows from the term's start: weeks, months, “10月前”, 无确定时间", () => {
    // Autumn 2026 starts on Tuesday 1 September: week 1 is 31 August – 6 September.
    expect(calendarDueDate("2026-09-01", task("new-student-check"))).toBe("2026-09-13");
    expect(calendarDueDate("2026-09-01", task("dismissal-autumn"))).toBe("2026-09-20");
    expect(calendarDueDate("2027-02-22", task("failed-courses-spring"))).toBe("2027-03-28");
    expect(calendarDueDate("2026-09-01", task("new-student-data"))).toBe("2026-08-31");
    expect(calendarDueDate("2026-09-01", task("new-student-registration"))).toBe("2026-09-30");
    expect(calendarDueDate("2026-09-01", task("change-major"))).toBe("2027-01-31");
    expect(calendarDueDate("2027-02-22", task("graduate-check"))).toBe("2027-06-30");
    expect(calendarDueDate("2026-09-01", task("withdrawal"))).toBeNull();
  });

  it("puts the returning roster at the earlier of seed 003 第十二条 “第三周结束前” and seed 004 “10月前” — never inside 国庆", () => {
    expect(calendarDueDate("2026-09-01", task("returning-registration"))).toBe("2026-09-20");
    // A term starting on 14 September: week 3 would end on 4 October, inside 国庆; 30 September comes first.
    expect(calendarDueDate("2026-09-14", task("returning-registration"))).toBe("2026-09-30");
  });
});

describe("public holidays (国务院办公厅通知)", () => {
  const cal = new WorkCalendar(CN_HOLIDAYS);
  it("knows 2024 (国办发明电〔2023〕7号): 春节 2月10日至17日, 2月4日、2月18日上班; 国庆 10月1日至7日, 9月29日、10月12日上班", () => {
    expect(cal.isWorkingDay("2024-02-09")).toBe(true); // 除夕 was a working day in 2024
    expect(cal.isWorkingDay("2024-02-16")).toBe(false);
    expect(cal.isWorkingDay("2024-02-04")).toBe(true);
    expect(cal.isWorkingDay("2024-02-18")).toBe(true);
    expect(cal.isWorkingDay("2024-09-29")).toBe(true);
    expect(cal.isWorkingDay("2024-10-07")).toBe(false);
    // 学籍注销 15 working days after a decision on Friday 27 September 2024 (seed 003 第十二条).
    expect(cal.addWorkingDays("2024-09-27", 15)).toBe("2024-10-23");
  });

  it("flags a deadline provisional when it counts through a year with no notice yet (2027)", () => {
    expect(cal.deadline("2026-11-23", 15)).toEqual({ date: "2026-12-14", provisional: false, missingYears: [] });
    expect(cal.deadline("2026-12-21", 15)).toMatchObject({ provisional: true, missingYears: [2027] });
    expect(missingHolidayYears(CN_HOLIDAYS, "2025-2026")).toEqual([]);
    expect(missingHolidayYears(CN_HOLIDAYS, "2026-2027")).toEqual([2027]);
    expect(holidayWarning(CN_HOLIDAYS, "2026-2027")).toContain("2026-2027 学年跨越的 2027 年尚未录入法定节假日安排");
    expect(holidayWarning(CN_HOLIDAYS, "2025-2026")).toBeNull();
  });
});

describe("seed 000 六.1: the graduates' data freeze from the registrar calendar", () => {
  it("begins the day after the end of April by default, and follows a school's row (or its absence)", () => {
    expect(graduateFreezeFrom("2025-2026", DEFAULT_REGISTRAR_CALENDAR)).toBe("2026-05-01");
    expect(graduateFreezeFrom("2025-2026", [])).toBe("2026-05-01");
    const march = DEFAULT_REGISTRAR_CALENDAR.map((t) => (t.key === GRADUATE_FREEZE_TASK ? { ...t, month: 3 } : t));
    expect(graduateFreezeFrom("2026-2027", march)).toBe("2027-04-01");
  });
});
