import { describe, expect, it } from "vitest";
import { CN_HOLIDAYS } from "./holidays-cn";
import { intakeYearOf, WorkCalendar } from "./working-days";

const cal = new WorkCalendar(CN_HOLIDAYS);

describe("working days", () => {
  it("skips weekends", () => {
    expect(cal.addWorkingDays("2026-11-20", 1)).toBe("2026-11-23"); // Friday → Monday
    expect(cal.addWorkingDays("2026-11-23", 5)).toBe("2026-11-30");
  });

  it("skips the National Day holiday and counts its make-up Saturday (调休)", () => {
    expect(cal.isWorkingDay("2026-10-05")).toBe(false); // a Monday in the holiday
    expect(cal.isWorkingDay("2026-10-10")).toBe(true); // a Saturday made a working day
    expect(cal.addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
    expect(cal.addWorkingDays("2026-09-30", 3)).toBe("2026-10-10");
    expect(cal.workingDaysBetween("2026-09-30", "2026-10-10")).toBe(3);
  });

  it("gives 学籍注销's 15-working-day deadline across the Spring Festival (seed 003 第十二条)", () => {
    // Decision on Friday 2026-02-13: 02-14 and 02-28 (Saturdays) are make-up working days, 02-15…23 are off.
    expect(cal.addWorkingDays("2026-02-13", 15)).toBe("2026-03-12");
  });

  it("treats n = 0 as the next working day on or after the date", () => {
    expect(cal.addWorkingDays("2026-10-03", 0)).toBe("2026-10-08");
  });
});

describe("the registrar's calendar (seed 004)", () => {
  it("puts a task's due date at the end of its last teaching week", async () => {
    const { DEFAULT_REGISTRAR_CALENDAR, taskDueDate } = await import("./registrar-calendar");
    const byKey = Object.fromEntries(DEFAULT_REGISTRAR_CALENDAR.map((t) => [t.key, t]));
    // Autumn 2026 starts on Tuesday 1 September: week 1 is 31 August – 6 September.
    expect(taskDueDate("2026-09-01", byKey["new-student-check"] as never)).toBe("2026-09-13");
    expect(taskDueDate("2026-09-01", byKey["dismissal-autumn"] as never)).toBe("2026-09-20");
    expect(taskDueDate("2027-02-22", byKey["failed-courses-spring"] as never)).toBe("2027-03-28");
  });
});

describe("the intake a 录取名单 belongs to", () => {
  it("is last autumn's from January to June, and this year's once the admissions of July have begun", () => {
    expect(intakeYearOf("2027-01-12")).toBe(2026);
    expect(intakeYearOf("2027-06-30")).toBe(2026);
    expect(intakeYearOf("2027-07-01")).toBe(2027);
    expect(intakeYearOf("2027-12-31")).toBe(2027);
  });
});
