import { describe, expect, it } from "vitest";
import { applyEvent, isTerminal } from "./transitions";

describe("status transitions (docs/domain.md §2)", () => {
  it("moves through the ordinary life of a student", () => {
    expect(applyEvent("admitted", "register")).toMatchObject({ ok: true, to: "enrolled" });
    expect(applyEvent("enrolled", "suspend")).toMatchObject({ ok: true, to: "suspended" });
    expect(applyEvent("suspended", "resume")).toMatchObject({ ok: true, to: "enrolled" });
    expect(applyEvent("enrolled", "change-major")).toMatchObject({ ok: true, to: "enrolled" });
    expect(applyEvent("enrolled", "complete")).toMatchObject({ ok: true, to: "completed" });
    expect(applyEvent("completed", "completion-to-graduation")).toMatchObject({ ok: true, to: "graduated" });
  });

  it("refuses what the rules do not allow", () => {
    expect(applyEvent("withdrawn", "resume")).toEqual({
      ok: false,
      code: "status.transition-not-allowed",
      event: "resume",
      from: "withdrawn",
      allowedFrom: ["suspended"],
    });
    // 放弃入学资格 only before registration.
    expect(applyEvent("enrolled", "give-up-admission").ok).toBe(false);
    expect(applyEvent("suspended", "suspension-expired")).toMatchObject({ ok: true, to: "withdrawn" });
  });

  it("knows the terminal statuses", () => {
    for (const s of ["withdrawn", "expelled", "deceased", "admission-given-up", "graduated"] as const) expect(isTerminal(s)).toBe(true);
    for (const s of ["enrolled", "suspended", "completed", "admitted"] as const) expect(isTerminal(s)).toBe(false);
  });
});
