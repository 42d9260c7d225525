import { CN_HOLIDAYS, DEFAULT_TEMPLATES, DEFAULT_WORKFLOWS, SHEET_KINDS } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILED_HEADER, failedRows, gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { TEST_ENGINES } from "../../db/test-database";

const PROPOSED = {
  termBands: [
    { from: 10, outcome: "warning-1" as const },
    { from: 18, outcome: "warning-2" as const },
  ],
  yearBands: [
    { from: 28, outcome: "repeat" as const },
    { from: 30, outcome: "dismissal" as const },
  ],
  countedCourses: "all" as const,
  passedMakeUpClears: true,
};

describe.each(TEST_ENGINES)("versioned settings on %s", (engine) => {
  let w: World;
  const names = ["甲", "乙", "丙", "丁", "戊"];
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents(
      names.map((n, i) => ({ studentNo: `202301000${i + 1}`, name: `学生${n}`, collegeId: w.collegeA, majorId: w.majorA, grade: 2023 })),
    );
  }, 60_000);
  afterAll(() => w.database.close());

  async function failedSheet(term: string, entries: Array<[number, number]>) {
    const rows = entries.flatMap(([i, credits]) => failedRows(`202301000${i}`, `学生${names[i - 1]}`, term, credits));
    const receipt = await (await w.as("secretary-a")).sheets.submit({
      clientId: `settings-${term}-${entries.map((e) => e.join(":")).join(",")}`,
      termCode: term,
      kind: "failed-courses",
      grid: gridOf([FAILED_HEADER, ...rows]),
    });
    await (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
  }
  const kindsOf = async (studentNo: string, academicYear: string) =>
    (await (await w.as("registrar")).pending.list({ academicYear, limit: 200 })).items
      .filter((p) => p.studentNo === studentNo)
      .map((p) => p.kind);

  it("previews a rule change on the current record, saves it, and applies it only from its academic year", async () => {
    await failedSheet("2025-2026-1", [
      [1, 11],
      [2, 13],
      [3, 16],
    ]);
    await failedSheet("2025-2026-2", [[3, 14]]); // 学生丙: 30 credits in the year → 留级 today
    const leader = await w.as("registrar-leader");
    const preview = await leader.settings.previewStandingRules({ academicYear: "2025-2026", value: PROPOSED });
    expect(preview).toMatchObject({ students: 3, before: { "warning-1": 1, repeat: 1, none: 1 }, after: { "warning-1": 2, dismissal: 1 } });
    expect(preview.summary).toBe("1 名学生新增一级学业警示；1 名学生由留级变为退学");
    expect(await kindsOf("2023010001", "2025-2026")).toEqual([]); // previewing wrote nothing

    const saved = await leader.settings.publish({
      kind: "standing-rules",
      key: "default",
      validFrom: "2026-2027",
      value: PROPOSED,
      reason: "学校学籍管理规定 2026 年修订",
    });
    expect(saved).toEqual({ status: "published", version: 1, validFrom: "2026-2027" });
    await failedSheet("2025-2026-2", [[4, 11]]); // an old year: old rules
    await failedSheet("2026-2027-1", [[5, 11]]); // the new year: 10 credits is already 一级学业警示
    expect(await kindsOf("2023010004", "2025-2026")).toEqual([]);
    expect(await kindsOf("2023010005", "2026-2027")).toEqual(["warning-1"]);
    expect((await leader.settings.versions({ kind: "standing-rules", key: "default" })).map((v) => [v.version, v.reason])).toEqual([
      [1, "学校学籍管理规定 2026 年修订"],
      [0, null],
    ]);
  });

  it("keeps an application on the workflow it was filed under; new ones follow the new version", async () => {
    const secretary = await w.as("secretary-a", "2026-11-23");
    const materials = ["application-form", "student-id-copy", "parent-id-copy"] as const;
    const old = await secretary.applications.file({
      studentNo: "2023010001",
      type: "suspension",
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-11-30",
      reasonCode: "99",
      materials: [...materials],
    });
    const { type: _t, version: _v, event: _e, deregisters: _d, changes: _c, period: _p, ...editable } = DEFAULT_WORKFLOWS.suspension;
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "workflow",
        key: "suspension",
        validFrom: "2026-2027",
        value: { ...editable, deadlineWorkingDays: 3 },
        reason: "休学办理时限缩短为 3 个工作日",
      }),
    ).toMatchObject({ status: "published" });
    const fresh = await secretary.applications.file({
      studentNo: "2023010002",
      type: "suspension",
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-11-30",
      reasonCode: "99",
      materials: [...materials],
    });
    expect([old.workflowVersion, fresh.workflowVersion]).toEqual([0, 1]);
    const dueOf = async (id: number) => (await secretary.applications.submit({ applicationId: id, expectedVersion: 1 })).dueOn;
    expect(await dueOf(old.id)).toBe("2026-12-07"); // 10 working days
    expect(await dueOf(fresh.id)).toBe("2026-11-26"); // 3 working days
  });

  it("counts deadlines on the holiday calendar in force", async () => {
    expect(
      await (await w.as("admin")).settings.publish({
        kind: "holidays",
        key: "cn",
        validFrom: "2026-2027",
        value: { holidays: [...CN_HOLIDAYS.holidays, "2026-11-24"], makeUpWorkdays: [...CN_HOLIDAYS.makeUpWorkdays] },
        reason: "校庆放假一天",
      }),
    ).toMatchObject({ status: "published" });
    const secretary = await w.as("secretary-a", "2026-11-23");
    const app = await secretary.applications.file({
      studentNo: "2023010003",
      type: "suspension",
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-11-30",
      reasonCode: "99",
      materials: ["application-form", "student-id-copy", "parent-id-copy"],
    });
    expect((await secretary.applications.submit({ applicationId: app.id, expectedVersion: 1 })).dueOn).toBe("2026-11-27");
  });

  it("refuses a malformed setting and a role that may not change settings", async () => {
    const leader = await w.as("registrar-leader");
    const versionsBefore = (await leader.settings.versions({ kind: "standing-rules", key: "default" })).length;
    const invalid = await leader.settings.publish({
      kind: "standing-rules",
      key: "default",
      validFrom: "2026-2027",
      value: { termBands: "12" },
      reason: "测试",
    });
    expect(invalid).toMatchObject({
      status: "invalid",
      issues: expect.arrayContaining([expect.objectContaining({ path: ["termBands"] })]),
    });
    expect(
      await leader.settings.publish({ kind: "workflow", key: "no-such-type", validFrom: "2026-2027", value: {}, reason: "测试" }),
    ).toMatchObject({ status: "invalid" });
    await expect(
      (await w.as("registrar")).settings.publish({
        kind: "holidays",
        key: "cn",
        validFrom: "2026-2027",
        value: CN_HOLIDAYS,
        reason: "测试",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await leader.settings.versions({ kind: "standing-rules", key: "default" })).toHaveLength(versionsBefore); // nothing saved
  });

  it.each(SHEET_KINDS)("takes the %s template back as it ships, every column's parser included", async (kind) => {
    const { kind: _k, version: _v, ...template } = DEFAULT_TEMPLATES[kind];
    const published = await (await w.as("registrar-leader")).settings.publish({
      kind: "sheet-template",
      key: kind,
      validFrom: "2030-2031",
      value: { ...template, titleKeywords: [...template.titleKeywords, "核对"] },
      reason: "标题关键词加“核对”",
    });
    expect(published, JSON.stringify(published)).toMatchObject({ status: "published" });
  });

  it("reads sheets with the template in force for the term's academic year", async () => {
    const { DEFAULT_TEMPLATES } = await import("@xueji/shared");
    const { kind: _k, version: _v, ...template } = DEFAULT_TEMPLATES["roster-returning"];
    const columns = template.columns.map((c) =>
      c.field === "studentNo" ? { ...c, synonyms: [...c.synonyms, "学生证号"], parser: { kind: "identifier", length: 10 } } : c,
    );
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "sheet-template",
        key: "roster-returning",
        validFrom: "2026-2027",
        value: { ...template, columns },
        reason: "学号统一为 10 位",
      }),
    ).toMatchObject({ status: "published" });
    const grid = gridOf([
      ["学生证号", "姓名", "注册状态"],
      [23010001, "学生甲", "已注册"],
    ]);
    const secretary = await w.as("secretary-a");
    const before = await secretary.sheets.validate({ termCode: "2025-2026-1", kind: "roster-returning", grid });
    expect(before.issues.map((i) => i.code)).toContain("sheet.missing-column"); // 学生证号 was not a header before
    const after = await secretary.sheets.validate({ termCode: "2026-2027-1", kind: "roster-returning", grid });
    expect(after.issues.map((i) => [i.code, i.suggestion])).toContainEqual(["code.leading-zeros-lost", "0023010001"]);
  });
});
