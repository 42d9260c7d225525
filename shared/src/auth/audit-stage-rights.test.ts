import { describe, expect, it } from "vitest";
import { AUDIT_STAGES } from "../rules/graduation-audit";
import { auditStageNeedsCommittee, mayAdvanceAudit } from "./audit-stage-rights";
import { ROLES } from "./roles";

describe("who decides a graduation (seed 004 初审/复审/学位委员会; seed 001 七 “报教务处复核……报校学位委员会审批”)", () => {
  it("gives each stage to the office the seeds name: 复审 to the registrar's office, 学位委员会 to the school", () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, AUDIT_STAGES.filter((s) => mayAdvanceAudit(role, s))]));
    expect(table).toEqual({
      secretary: [],
      "college-leader": ["college-review"],
      "registrar-staff": ["college-review", "registrar-review", "public-notice", "degree-committee", "certificates", "reported"],
      "registrar-leader": ["registrar-review"],
      "school-leader": ["degree-committee"],
      admin: [],
    });
    expect(AUDIT_STAGES.filter(auditStageNeedsCommittee)).toEqual(["degree-committee"]);
  });
});
