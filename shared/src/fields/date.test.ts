import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberCell, textCell } from "../cell";
import { daysInMonth, fromExcelSerial, toExcelSerial } from "./calendar-date";
import { parseDate } from "./date";

const anyDate = fc
  .date({ min: new Date("1900-03-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("dates", () => {
  it("property: every text form of a date and its Excel serial read as the same day", () => {
    fc.assert(
      fc.property(anyDate, (iso) => {
        const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
        const forms = [iso, `${y}/${m}/${d}`, `${y}.${m}.${d}`, iso.replace(/-/g, ""), `${y}年${m}月${d}日`, `${y}-${m}-${d} 0:00:00`];
        for (const form of forms) expect(parseDate(textCell(form))).toEqual({ value: iso, issues: [] });
        expect(parseDate(numberCell(toExcelSerial(iso), "yyyy-mm-dd"))).toEqual({ value: iso, issues: [] });
        expect(parseDate(numberCell(Number(iso.replace(/-/g, ""))))).toEqual({ value: iso, issues: [] });
      }),
    );
  });

  it("property: impossible days are rejected, never rolled over", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const r = parseDate(textCell(`${y}-${m}-32`));
        expect(r.value).toBeNull();
        expect(r.issues[0]?.code).toBe("date.invalid");
      }),
    );
  });

  it("counts the days of every month as the calendar does, leap years and centuries too", () => {
    for (let year = 1; year <= 2500; year++) {
      for (let month = 1; month <= 12; month++) {
        // The calendar's own answer (Date.UTC reads a year under 100 as 19xx: set it on the Date instead).
        const last = new Date(0);
        last.setUTCFullYear(year, month, 0);
        expect(daysInMonth(year, month)).toBe(last.getUTCDate());
      }
    }
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2024, 2), daysInMonth(2026, 2)]).toEqual([28, 29, 29, 28]);
  });

  it("knows Excel's 1900 leap-year bug and its serial 60", () => {
    expect(fromExcelSerial(1)).toBe("1900-01-01");
    expect(fromExcelSerial(59)).toBe("1900-02-28");
    expect(fromExcelSerial(60)).toBeNull();
    expect(fromExcelSerial(61)).toBe("1900-03-01");
    expect(fromExcelSerial(38108)).toBe("2004-05-01");
    expect(fromExcelSerial(38108.75)).toBe("2004-05-01");
  });

  it("rejects 2023-02-29 and unreadable text, with the formats in the message", () => {
    expect(parseDate(textCell("2023-02-29")).issues[0]).toMatchObject({ code: "date.invalid", params: { year: 2023, month: 2, day: 29 } });
    expect(parseDate(textCell("五月一日")).issues[0]?.code).toBe("date.unrecognised");
    expect(parseDate(textCell("２００４．５．１")).value).toBe("2004-05-01");
  });

  it("checks the plausible range of the field", () => {
    const r = parseDate(textCell("2030-01-01"), { min: "1900-01-01", max: "2026-11-23" });
    expect(r.value).toBe("2030-01-01");
    expect(r.issues[0]?.code).toBe("date.out-of-range");
  });
});
