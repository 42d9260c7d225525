import { describe, expect, it } from "vitest";
import { type AuditInput, auditGraduate, DEFAULT_AUDIT_RULES } from "./graduation-audit";
import { certificateData, certificatePrefix, certificateProblems } from "./graduation-audit-certificate";

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
    idNumber: "110101200401011234",
    majorName: "会计学",
    level: "05",
    duration: 4,
    studyForm: "1",
    enrolmentDate: "2022-09-01",
  },
  photo: { width: 480, height: 640, bytes: 40_000 },
};

describe("graduation and degree audit (docs/domain.md §6)", () => {
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

describe("the degree reads its own rules (seed 000 六.5; docs/domain.md §6)", () => {
  it("seed 000 六.5 学位证超过两年不再补授: counted from leaving (离校), so a slow 专升本 graduate still gets the degree", () => {
    expect(DEFAULT_AUDIT_RULES.maxStudyYears).toMatchObject({ "06": 5, "05": 6 });
    expect(DEFAULT_AUDIT_RULES.degree.maxYearsAfterLeaving).toBe(2);
    // 专升本, 学制 2, graduating 4.8 years after enrolment (within the six maximum years): leaving now, the degree is awarded.
    const upgrade = { ...complete, level: "15", duration: 2, enrolmentDate: "2022-09-01", graduationDate: "2027-06-30" };
    expect(auditGraduate(upgrade)).toMatchObject({ outcome: "graduate", degree: "award", degreeReasons: [] });
    // Decided later (结业换毕业, 学位补授): 1.5 years after leaving is within the limit, 2.5 years is not.
    expect(auditGraduate({ ...upgrade, leftOn: "2026-01-01" })).toMatchObject({ degree: "award" });
    expect(auditGraduate({ ...upgrade, leftOn: "2025-01-01" })).toMatchObject({
      outcome: "graduate",
      degree: "withhold",
      degreeReasons: [{ code: "degree-too-late", years: 2.5, limit: 2 }],
    });
  });

  it("seed 000 六.3 学士学位 / seed 001 七: a 专科 graduate gets no degree, and no degree condition is asked of them", () => {
    const rules = {
      ...DEFAULT_AUDIT_RULES,
      degree: {
        ...DEFAULT_AUDIT_RULES.degree,
        conditions: [{ key: "gpa", name: { "zh-CN": "平均学分绩点", en: "GPA" }, fact: "gpa", op: "min" as const, value: 2 }],
      },
    };
    const junior = { ...complete, level: "06", duration: 3, identity: { ...complete.identity, level: "06", duration: 3 } };
    expect(auditGraduate(junior, rules)).toMatchObject({
      outcome: "graduate",
      degree: "withhold",
      degreeReasons: [{ code: "degree-level", level: "06" }],
    });
    // A 结业 专科 student: the reason is still the level, not the degree conditions or 未毕业.
    expect(auditGraduate({ ...junior, creditsEarned: 100 }, rules).degreeReasons).toEqual([{ code: "degree-level", level: "06" }]);
    expect(auditGraduate({ ...junior, level: "09" }, rules).degree).toBe("withhold");
    expect(auditGraduate({ ...complete, facts: { gpa: 3 } }, rules).degree).toBe("award");
  });

  it("applies a school's conditions to the facts the record or a sheet holds (GPA, CET-4)", () => {
    const rules = {
      ...DEFAULT_AUDIT_RULES,
      degree: {
        ...DEFAULT_AUDIT_RULES.degree,
        conditions: [
          { key: "gpa", name: { "zh-CN": "平均学分绩点", en: "GPA" }, fact: "gpa", op: "min" as const, value: 2 },
          { key: "cet4", name: { "zh-CN": "四级", en: "CET-4" }, fact: "cet4", op: "equals" as const, value: true },
        ],
      },
    };
    expect(auditGraduate({ ...complete, facts: { gpa: 2.4, cet4: true } }, rules).degree).toBe("award");
    expect(auditGraduate({ ...complete, facts: { gpa: 1.9 } }, rules)).toMatchObject({
      outcome: "graduate",
      degree: "withhold",
      degreeReasons: [
        { code: "degree-condition", condition: "gpa", actual: "1.9", required: "≥2" },
        { code: "degree-condition", condition: "cet4", actual: "", required: "=true" },
      ],
    });
  });

  it("numbers a certificate in the national format: 学校代码 + 办学类型 + 年份 + 层次 + 序号 (docs/domain.md §6), dated the graduation day (seed 003 第十六条)", () => {
    const school = { schoolName: "长江师范学院", schoolCode: "10647", presidentName: "张某", schoolType: "1" as const };
    expect(certificateProblems(school, "05")).toEqual([]);
    expect(certificateProblems({ ...school, schoolCode: "", presidentName: "" }, "09")).toEqual(["school-code", "president", "level"]);
    const prefix = certificatePrefix(school, 2026, "15");
    expect(certificateData(school, { outcome: "graduate", graduationDate: "2026-06-30", prefix, serial: 37 })).toEqual({
      kind: "graduation",
      certificateNo: "106471202605000037",
      schoolName: "长江师范学院",
      presidentName: "张某",
      issueDate: "2026-06-30",
    });
  });
});
