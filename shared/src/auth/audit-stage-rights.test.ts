import { describe, expect, it } from "vitest";
import { AUDIT_STAGES } from "../rules/graduation-audit";
import { mayAdvanceAudit } from "./audit-stage-rights";
import { ROLES } from "./roles";

describe("who may advance a graduation list (docs/domain.md §6: 学院初审, then the registrar)", () => {
  it("gives the college leader 学院初审 only, the registrar every stage, nobody else any", () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, AUDIT_STAGES.filter((s) => mayAdvanceAudit(role, s))]));
    expect(table).toEqual({
      secretary: [],
      "college-leader": ["college-review"],
      "registrar-staff": ["college-review", "registrar-review", "public-notice", "degree-committee", "certificates", "reported"],
      "registrar-leader": [],
      "school-leader": [],
      admin: [],
    });
  });
});
