import { describe, expect, it } from "vitest";
import { type AuditInput, auditGraduate } from "./graduation-audit";

const complete: AuditInput = {
  studentNo: "2022010001",
  level: "05",
  enrolmentDate: "2022-09-01",
  graduationDate: "2026-06-30",
  creditsEarned: 165,
  creditsRequired: 160,
  outstandingRequiredFailures: 0,
  identity: {
    name: "张三",
    gender: "1",
    birthDate: "2004-01-01",
    majorName: "会计学",
    level: "05",
    duration: 4,
    studyForm: "1",
    enrolmentDate: "2022-09-01",
  },
  photo: { width: 480, height: 640, bytes: 40_000 },
};

describe("graduation and degree audit (DOMAIN.md §6)", () => {
  it("graduates with a degree a student who meets every condition", () => {
    expect(auditGraduate(complete)).toEqual({
      studentNo: "2022010001",
      outcome: "graduate",
      degree: "award",
      reasons: [],
      degreeReasons: [],
      dataComplete: true,
    });
  });

  it.each([
    [{ creditsEarned: 159.5 }, { code: "credits-short", earned: 159.5, required: 160 }],
    [{ creditsEarned: null }, { code: "credits-unknown" }],
    [{ outstandingRequiredFailures: 2 }, { code: "failed-required", count: 2 }],
    [{ enrolmentDate: "2019-09-01" }, { code: "over-max-years", years: 6.8, max: 6 }],
  ] as Array<[Partial<AuditInput>, unknown]>)("gives 结业 and withholds the degree: %j", (change, reason) => {
    const result = auditGraduate({ ...complete, ...change });
    expect(result).toMatchObject({
      outcome: "complete",
      degree: "withhold",
      reasons: [reason],
      degreeReasons: [{ code: "degree-not-graduated" }],
    });
  });

  it("allows 专科 five years and 本科 six (seed 000 六.5)", () => {
    expect(auditGraduate({ ...complete, level: "06", enrolmentDate: "2021-09-01", graduationDate: "2026-06-30" }).outcome).toBe("graduate");
    expect(auditGraduate({ ...complete, level: "06", enrolmentDate: "2020-09-01", graduationDate: "2026-06-30" }).reasons).toEqual([
      { code: "over-max-years", years: 5.8, max: 5 },
    ]);
    expect(auditGraduate({ ...complete, enrolmentDate: "2020-09-01" }).outcome).toBe("graduate");
  });

  it("flags certificate data and the photo (480×640, 1–100 KB) without turning 毕业 into 结业", () => {
    const result = auditGraduate({
      ...complete,
      identity: { ...complete.identity, studyForm: null },
      photo: { width: 413, height: 626, bytes: 120_000 },
    });
    expect(result).toMatchObject({ outcome: "graduate", degree: "award", dataComplete: false });
    expect(result.reasons).toEqual([
      { code: "identity-incomplete", fields: ["studyForm"] },
      { code: "photo-dimensions", width: 413, height: 626 },
      { code: "photo-size", bytes: 120_000 },
    ]);
    expect(auditGraduate({ ...complete, photo: null }).reasons).toEqual([{ code: "photo-missing" }]);
  });
});
