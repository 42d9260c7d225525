import { describe, expect, it } from "vitest";
import { checkPeriod, DEFAULT_WORKFLOWS } from "./application-types";
import { currentDeadline, isOverdue } from "./deadline";
import { mayAct, nextStepFor, roleOfStage } from "./who-acts";

const SUSPENSION = DEFAULT_WORKFLOWS.suspension;
const KEEP = DEFAULT_WORKFLOWS["keep-admission"];
const app = (stage: string, state = "open") => ({ stage, state, collegeId: 1, targetCollegeId: null });
const secretary = { role: "secretary" as const, collegeId: 1 };
const leader = { role: "college-leader" as const, collegeId: 1 };
const otherLeader = { role: "college-leader" as const, collegeId: 2 };
const registrar = { role: "registrar-staff" as const, collegeId: null };
const registrarLeader = { role: "registrar-leader" as const, collegeId: null };

describe("who acts on an application now (the server's rule and the dashboard's)", () => {
  it("gives the draft to its college's secretary (报送), a deciding stage to its role in the student's college, the rest to the registrar", () => {
    expect(nextStepFor(SUSPENSION, app("draft"), secretary)).toBe("submit");
    expect(nextStepFor(SUSPENSION, app("draft"), { ...secretary, collegeId: 2 })).toBe(null);
    expect(nextStepFor(SUSPENSION, app("college"), leader)).toBe("decide");
    expect(nextStepFor(SUSPENSION, app("college"), otherLeader)).toBe(null);
    expect(nextStepFor(SUSPENSION, app("college"), registrar)).toBe(null);
    expect(nextStepFor(SUSPENSION, app("college"), secretary)).toBe(null);
    // After the college leader approved, the stage is the registrar leader's: the leader has nothing to do.
    expect(nextStepFor(SUSPENSION, app("registrar-leader"), leader)).toBe(null);
    expect(nextStepFor(SUSPENSION, app("registrar-leader"), registrarLeader)).toBe("decide");
    expect(nextStepFor(SUSPENSION, app("execution"), registrar)).toBe("decide");
    expect(nextStepFor(SUSPENSION, app("effective", "done"), registrar)).toBe(null);
    expect(roleOfStage(SUSPENSION, "registrar-leader")).toBe("registrar-leader");
    expect(roleOfStage(SUSPENSION, "draft")).toBe("secretary");
    expect(roleOfStage(SUSPENSION, "execution")).toBe("registrar-staff");
    // A stage the workflow does not have is no one's, not silently the registrar's; nor is a closed one.
    expect(roleOfStage(SUSPENSION, "renamed-away")).toBe(null);
    expect(roleOfStage(SUSPENSION, "effective")).toBe(null);
    // mayAct asks the same rule: the registrar acts at 办理, at a stage the workflow lost no one does.
    expect(mayAct(SUSPENSION, app("execution"), registrar)).toBe(true);
    expect(mayAct(SUSPENSION, app("renamed-away"), registrar)).toBe(false);
    expect(mayAct(SUSPENSION, app("effective", "done"), registrar)).toBe(false);
  });

  it("makes a paper signature (招生就业处, seed 004) the secretary's to record, and nobody's to decide", () => {
    expect(nextStepFor(KEEP, app("admissions-office"), secretary)).toBe("sign-off");
    expect(nextStepFor(KEEP, app("admissions-office"), registrar)).toBe("sign-off");
    expect(nextStepFor(KEEP, app("admissions-office"), leader)).toBe(null);
    expect(mayAct(KEEP, app("admissions-office"), leader)).toBe(false);
  });
});

describe("逾期: one deadline at a time", () => {
  it("runs on the 办理期限 until execution, then on 学籍注销's if the change ends the 学籍, else on none", () => {
    const base = { state: "open", dueOn: "2026-11-30", executedOn: null, deregistrationDueOn: null };
    expect(currentDeadline(base)).toEqual({ kind: "decision", date: "2026-11-30" });
    expect(isOverdue(base, "2026-12-04")).toBe(true);
    expect(isOverdue(base, "2026-11-30")).toBe(false);
    expect(isOverdue({ ...base, executedOn: "2026-11-20" }, "2026-12-04")).toBe(false);
    expect(isOverdue({ ...base, executedOn: "2026-11-20", deregistrationDueOn: "2026-12-01" }, "2026-12-04")).toBe(true);
    expect(isOverdue({ ...base, state: "done" }, "2026-12-04")).toBe(false);
  });
});

describe("the period of a 休学", () => {
  it("is asked at 报送, may wait in a draft, and never runs backwards", () => {
    expect(checkPeriod(SUSPENSION, null, null)).toEqual({ code: "application.period-required" });
    expect(checkPeriod(SUSPENSION, null, null, false)).toBe(null);
    expect(checkPeriod(SUSPENSION, "2027-03-01", "2027-02-28")).toEqual({
      code: "application.period-order",
      params: { from: "2027-03-01", to: "2027-02-28" },
    });
    expect(checkPeriod(SUSPENSION, "2026-12-01", "2027-11-30")).toBe(null);
    // The seeds set no maximum; a school that does bounds it.
    expect(checkPeriod({ period: { maxDays: 365 } }, "2026-12-01", "2027-12-01")).toEqual({
      code: "application.period-too-long",
      params: { days: 365 },
    });
    expect(checkPeriod(DEFAULT_WORKFLOWS.withdrawal, null, null)).toBe(null);
  });
});
