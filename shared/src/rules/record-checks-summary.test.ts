import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, mayBeSubmitted } from "../sheets/templates";
import { widespreadRecordIssue } from "./record-checks";

const unknown = (row: number) => ({ code: "record.unknown-student", row });

describe("one record check failing most rows is one mistake", () => {
  it("is named when it fails at least half the rows (and more than a handful), with the count of rows", () => {
    const issues = Array.from({ length: 240 }, (_, i) => unknown(i + 3));
    expect(widespreadRecordIssue(issues, 330)).toEqual({ code: "record.unknown-student", rows: 240 });
    // A few unknown students on a long sheet are rows to fix, not a wrong term or college.
    expect(widespreadRecordIssue(issues.slice(0, 100), 330)).toBeNull();
    expect(widespreadRecordIssue(issues.slice(0, 4), 4)).toBeNull();
    // Rows, not issues: a row counted once.
    expect(widespreadRecordIssue([...issues.slice(0, 6), ...issues.slice(0, 6)], 13)).toBeNull();
  });
});

describe("which sheets may be submitted with errors (the pane and the server ask the same)", () => {
  it("only the kinds whose template allows it, and any sheet without errors", () => {
    expect(mayBeSubmitted(DEFAULT_TEMPLATES["roster-new"], 318)).toBe(false);
    expect(mayBeSubmitted(DEFAULT_TEMPLATES["roster-new"], 0)).toBe(true);
    expect(mayBeSubmitted(DEFAULT_TEMPLATES.dismissal, 3)).toBe(true);
  });
});
