import { describe, expect, it } from "vitest";
import { actsForCollege, mayReach } from "../workflows/who-acts";
import {
  isCollegeRole,
  isLeader,
  keepsPasswordUnderCampusSignOn,
  mayIssueDocument,
  ownCollegeOf,
  ROLES,
  rolesHolding,
  type StatusDocumentKind,
} from "./roles";

/** Each role's answer to a rule, as one table a reader can check against docs/domain.md §1. */
const table = <T>(rule: (role: (typeof ROLES)[number]) => T) => Object.fromEntries(ROLES.map((role) => [role, rule(role)]));

describe("the role rules the server and both front-ends ask (docs/domain.md §1)", () => {
  it("holds the college's secretary and leader to their own college, and no one else", () => {
    expect(ROLES.filter(isCollegeRole)).toEqual(["secretary", "college-leader"]);
    expect(ownCollegeOf({ role: "secretary", collegeId: 3 })).toBe(3);
    expect(ownCollegeOf({ role: "college-leader", collegeId: 4 })).toBe(4);
    // A registrar with a college on her account still sees every college.
    expect(ownCollegeOf({ role: "registrar-staff", collegeId: 3 })).toBe(null);
    expect(ownCollegeOf({ role: "school-leader", collegeId: null })).toBe(null);
  });

  it("shows the leaders — of the college, the registrar's office and the school — the overview's charts", () => {
    expect(ROLES.filter(isLeader)).toEqual(["college-leader", "registrar-leader", "school-leader"]);
  });

  it("lets the college issue 在读证明 and only the registrar's 学籍科 issue 学历证明 (seed 000 二, 三)", () => {
    const kinds: StatusDocumentKind[] = ["enrolment", "education"];
    expect(table((role) => kinds.filter((kind) => mayIssueDocument(role, kind)))).toEqual({
      secretary: ["enrolment"],
      "college-leader": [],
      "registrar-staff": ["enrolment", "education"],
      "registrar-leader": [],
      "school-leader": [],
      admin: [],
    });
  });

  it("keeps a password for the administrator alone when the school signs on through its campus system", () => {
    expect(ROLES.filter(keepsPasswordUnderCampusSignOn)).toEqual(["admin"]);
  });

  it("names the holders of a permission, at a scope when asked", () => {
    expect(rolesHolding("sheets.submit")).toEqual(["secretary", "registrar-staff"]);
    expect(rolesHolding("sheets.submit", "own-college")).toEqual(["secretary"]);
    expect(rolesHolding("users.manage", "own-college")).toEqual([]);
  });

  it("lets the college's secretary, or the registrar on its behalf, act for the college; reaches by college", () => {
    const app = { collegeId: 1, targetCollegeId: 2 };
    expect(table((role) => actsForCollege(app, { role, collegeId: 1 }))).toEqual({
      secretary: true,
      "college-leader": false,
      "registrar-staff": true,
      "registrar-leader": false,
      "school-leader": false,
      admin: false,
    });
    expect(actsForCollege(app, { role: "secretary", collegeId: 2 })).toBe(false);
    // The receiving college (转专业) reaches the application; a third college does not.
    expect(mayReach(app, { role: "secretary", collegeId: 2 })).toBe(true);
    expect(mayReach(app, { role: "college-leader", collegeId: 3 })).toBe(false);
    expect(mayReach(app, { role: "registrar-leader", collegeId: null })).toBe(true);
  });
});
