import { describe, expect, it } from "vitest";
import { formatError } from "./errors";

describe("a day the system computed, in a message", () => {
  it("is written as the screens write a day in Chinese, and left as ISO in English", () => {
    expect(formatError("registration.late-limit-passed", { months: 1, date: "2026-09-30" }, "zh-CN")).toContain("期限已于 2026/09/30 届满");
    expect(formatError("registration.late-limit-passed", { months: 1, date: "2026-09-30" }, "en")).toContain("2026-09-30");
  });

  it("leaves what the reader typed as typed", () => {
    expect(formatError("org.term-dates-reversed", { start: "2027-01-17", end: "2026-09-01" }, "zh-CN")).toBe(
      "最后一天（2026-09-01）早于第一天（2027-01-17）。",
    );
  });
});
