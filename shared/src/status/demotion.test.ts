import { describe, expect, it } from "vitest";
import { demotedRecord } from "./demotion";

describe("降级 moves the grade and the expected graduation together", () => {
  it("one year by default: 2023 级, 2027-06-30 → 2024 级, 2028-06-30", () => {
    expect(demotedRecord({ grade: 2023, expectedGraduationDate: "2027-06-30" })).toEqual({
      grade: 2024,
      expectedGraduationDate: "2028-06-30",
    });
  });
  it("as many years as the grade moves", () => {
    expect(demotedRecord({ grade: 2022, expectedGraduationDate: "2026-07-01" }, 2024).expectedGraduationDate).toBe("2028-07-01");
  });
});
