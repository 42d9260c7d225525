import { describe, expect, it } from "vitest";
import { DEFAULT_REGISTRATION_RULES, registrationDueDates, withinMonthsOf } from "./registration-rules";

describe("学年注册期限 (seed 003 第十一–十二条)", () => {
  it("defaults to “开学后两周内” for the students and “开学后1个月内完成” for the electronic registration", () => {
    expect(DEFAULT_REGISTRATION_RULES).toEqual({ studentWeeks: 2, completeMonths: 1 });
    // A term starting Monday 7 September: week 2 ends Sunday 20 September; a month ends 6 October.
    expect(registrationDueDates("2026-09-07", DEFAULT_REGISTRATION_RULES)).toEqual({ students: "2026-09-20", complete: "2026-10-06" });
  });

  it("counts months by the calendar, a short month's end included", () => {
    expect(withinMonthsOf("2026-09-01", 2)).toBe("2026-10-31");
    expect(withinMonthsOf("2027-01-31", 1)).toBe("2027-02-27");
    expect(withinMonthsOf("2026-12-15", 1)).toBe("2027-01-14");
  });
});
