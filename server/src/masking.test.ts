import { DEFAULT_WORKFLOWS, type Material, requiredMaterials } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../test/grid";
import { makeWorld, type World } from "../test/world";
import { TEST_ENGINES } from "./db/test-database";

const OLD_ID = "110101200501010017";
const NEW_ID = "110101200501010033";
const MASKED = /^\d{6}\*{8}\d{3}[\dX]$/;
/** Every full ID number in a JSON text (18 characters, or 17 and X). */
const fullIds = (value: unknown) => JSON.stringify(value).match(/\d{17}[\dX]/g) ?? [];

/**
 * ID numbers leave the server in full only to the roles whose work needs them (secretary,
 * registrar staff and leader); everyone else gets them masked, on every path that returns a
 * student (docs/domain.md §1).
 */
describe.each(TEST_ENGINES)("ID numbers masked by role on every path on %s", (engine) => {
  let w: World;
  let submissionId: string;
  let applicationId: number;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      {
        studentNo: "2025010001",
        name: "张三",
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2025,
        idNumber: OLD_ID,
        birthDate: "2005-01-01",
        gender: "1",
      },
    ]);
    submissionId = (
      await (
        await w.as("secretary-a")
      ).sheets.submit({
        clientId: "masking-0001",
        termCode: "2025-2026-1",
        grid: gridOf([
          ["学号", "姓名", "身份证号", "注册状态"],
          ["2025010001", "张三", OLD_ID, "已注册"],
        ]),
      })
    ).submissionId;
    // An identity change of the ID number, carried to 生效 by the roles that decide it.
    const workflow = DEFAULT_WORKFLOWS["identity-change"];
    const reasonCode = workflow.reasons[0]?.code as string;
    const secretary = await w.as("secretary-a");
    const app = await secretary.applications.file({
      studentNo: "2025010001",
      type: "identity-change",
      reasonCode,
      materials: requiredMaterials(workflow, reasonCode) as Material[],
      changes: { idNumber: NEW_ID },
    });
    applicationId = app.id;
    let { version, stage, state } = await secretary.applications.submit({ applicationId, expectedVersion: 1 });
    const deciderOf = (key: string) => {
      const role = workflow.stages.find((s) => s.key === key)?.role;
      return role === "college-leader"
        ? "leader-a"
        : role === "registrar-leader"
          ? "registrar-leader"
          : role === "school-leader"
            ? "school-leader"
            : "registrar";
    };
    for (let i = 0; i < 12 && state === "open"; i++) {
      const caller = await w.as(deciderOf(stage), "2027-01-01");
      ({ version, stage, state } = await caller.applications.decide({ applicationId, expectedVersion: version, action: "advance" }));
    }
    expect(state).toBe("done");
  }, 120_000);
  afterAll(() => w.database.close());

  const MASKED_ROLES = ["leader-a", "school-leader"] as const;

  it("students.list", async () => {
    for (const who of MASKED_ROLES) {
      const { items } = await (await w.as(who)).students.list({});
      expect(items[0]?.idNumber).toMatch(MASKED);
      expect(fullIds(items)).toEqual([]);
    }
    expect((await (await w.as("registrar")).students.list({})).items[0]?.idNumber).toBe(NEW_ID);
  });

  it("sheets.get rows (values and the issues' parameters)", async () => {
    for (const who of MASKED_ROLES) {
      const found = await (await w.as(who)).sheets.get({ submissionId });
      expect(JSON.stringify(found.rows.items[0]?.values)).toMatch(/110101\*{8}0017/);
      expect(fullIds(found)).toEqual([]);
    }
    const forSecretary = await (await w.as("secretary-a")).sheets.get({ submissionId });
    expect(fullIds(forSecretary.rows.items[0]?.values)).toContain(OLD_ID);
  });

  it("applications.timeline and studentHistory of an identity change (old and new ID)", async () => {
    for (const who of MASKED_ROLES) {
      const caller = await w.as(who);
      const timeline = await caller.applications.timeline({ applicationId });
      expect((timeline.application.changes as { idNumber: string }).idNumber).toMatch(MASKED);
      expect(timeline.changes.length).toBeGreaterThan(0);
      expect(fullIds(timeline)).toEqual([]);
      expect(fullIds(await caller.applications.studentHistory({ studentNo: "2025010001" }))).toEqual([]);
    }
    const forRegistrar = await (await w.as("registrar")).applications.timeline({ applicationId });
    expect(fullIds(forRegistrar)).toEqual(expect.arrayContaining([NEW_ID, OLD_ID]));
  });

  it("auditLog.list for the administrator", async () => {
    const admin = await w.as("admin");
    const { items } = await admin.auditLog.list({ limit: 200 });
    expect(items.some((e) => e.action === "application.advance")).toBe(true);
    expect(fullIds(items.map(({ before, after }) => ({ before, after })))).toEqual([]);
    const forRegistrarLeader = await (await w.as("registrar-leader")).auditLog.list({ limit: 200 });
    expect(fullIds(forRegistrarLeader.items.map(({ before, after }) => ({ before, after })))).toContain(NEW_ID);
  });
  it("studentSearch.search and the student's card (its history holds the old and new ID)", async () => {
    for (const who of MASKED_ROLES) {
      const caller = await w.as(who);
      const { items } = await caller.studentSearch.search({ query: "张" });
      expect(items[0]?.idNumber).toMatch(MASKED);
      expect(fullIds(items)).toEqual([]);
      const card = await caller.studentSearch.card({ studentNo: "2025010001" });
      expect(card.student.idNumberMasked).toBe(true);
      expect(card.history.some((h) => h.field === "idNumber")).toBe(true);
      expect(fullIds(card)).toEqual([]);
    }
    // In full for the registrar, and exactly as stored: not read back as a rounded number.
    const forRegistrar = await (await w.as("registrar")).studentSearch.card({ studentNo: "2025010001" });
    expect(forRegistrar.history.find((h) => h.field === "idNumber")).toMatchObject({ before: OLD_ID, after: NEW_ID });
  });

  it("auditLog.search for the administrator", async () => {
    const { items } = await (await w.as("admin")).auditLog.search({ limit: 200 });
    expect(items.some((e) => e.action === "application.advance")).toBe(true);
    expect(fullIds(items.map(({ before, after }) => ({ before, after })))).toEqual([]);
    const forRegistrarLeader = await (await w.as("registrar-leader")).auditLog.search({ limit: 200 });
    expect(fullIds(forRegistrarLeader.items.map(({ before, after }) => ({ before, after })))).toContain(NEW_ID);
  });
});
