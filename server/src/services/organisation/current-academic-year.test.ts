import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { terms } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { currentAcademicYear } from "./current-academic-year";

// The academic year "now" is the registrar's terms' (docs/domain.md: the current term is the one whose
// days contain today), not August-to-July arithmetic: the rules in force, the year the registration page
// and the reports open on, and the cohort the audit summary shows follow them.
describe.each(TEST_ENGINES)("the current academic year comes from the terms' dates (%s)", (engine) => {
  let w: World;
  beforeAll(async () => {
    // Terms 2024-2025 to 2026-2027: autumn from 1 September to 20 January, spring from 24 February to 10 July.
    w = await makeWorld(engine);
    const published = await (await w.as("registrar-leader")).settings.publish({
      kind: "check-rules",
      key: "default",
      validFrom: "2026-2027",
      value: { ageLimits: { min: 15, max: 30 } },
      reason: "2026-2027 学年起：学生年龄 15–30 岁",
    });
    expect(published).toMatchObject({ status: "published", version: 1 });
  }, 60_000);
  afterAll(() => w.database.close());

  /** What a signed-in registrar and secretary are shown as "this year" on `today`. */
  async function yearShown(today: string) {
    const registrar = await w.as("registrar", today);
    const reference = await registrar.reference.all();
    const rules = await (await w.as("secretary-a", today)).sheets.checkRules({});
    const standing = await registrar.insights.standingByCollege({});
    const audits = await registrar.insights.auditPassRates({});
    return {
      service: await currentAcademicYear(w.db, today),
      registrationPage: reference.academicYear,
      currentTerm: reference.currentTerm,
      checkRules: `${rules.academicYear} v${rules.version}`,
      standingReport: standing.academicYear,
      auditCohort: audits.cohort,
    };
  }

  it("on 2026-12-06, inside 2026-2027-1, everything says 2026-2027 and the rules published for it apply", async () => {
    expect(await yearShown("2026-12-06")).toEqual({
      service: "2026-2027",
      registrationPage: "2026-2027",
      currentTerm: "2026-2027-1",
      checkRules: "2026-2027 v1",
      standingReport: "2026-2027",
      auditCohort: 2027,
    });
  });

  it("in the summer before the first autumn term begins, the terms say the old year, though August says the new one", async () => {
    // 2026-08-20: after 2025-2026-2 (ended 10 July), before 2026-2027-1 (begins 1 September).
    expect(await yearShown("2026-08-20")).toEqual({
      service: "2025-2026",
      registrationPage: "2025-2026",
      currentTerm: "2025-2026-2",
      checkRules: "2025-2026 v0",
      standingReport: "2025-2026",
      auditCohort: 2026,
    });
  });

  it("a database whose autumn term begins on 17 August is followed: 2026-08-20 is then in 2026-2027", async () => {
    await w.db.update(terms).set({ startDate: "2026-08-17" }).where(eq(terms.code, "2026-2027-1"));
    expect(await yearShown("2026-08-20")).toEqual({
      service: "2026-2027",
      registrationPage: "2026-2027",
      currentTerm: "2026-2027-1",
      checkRules: "2026-2027 v1",
      standingReport: "2026-2027",
      auditCohort: 2027,
    });
  });
});
