import { describe, expect, it } from "vitest";
import { CHINA_DATE_TIME } from "./china-time";

describe("a moment as the reader is shown it", () => {
  it("is China's hour and day, whatever the zone of the machine showing it", () => {
    // 23:30 on 6 December in UTC is already 7:30 on the 7th in Beijing.
    const moment = new Date("2026-12-06T23:30:00Z");
    expect(moment.toLocaleString("zh-CN", CHINA_DATE_TIME)).toBe("2026/12/07 07:30");
    expect(moment.toLocaleString("en", CHINA_DATE_TIME)).toBe("12/07/2026, 07:30");
  });
});
