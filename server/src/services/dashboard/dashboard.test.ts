import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { TEST_ENGINES } from "../../db/test-database";

describe.each(TEST_ENGINES)("dashboard queries on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025010002", name: "李四", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025020001", name: "赵六", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("counts open applications by type, stage and college, with the overdue ones", async () => {
    const secretary = await w.as("secretary-a", "2026-09-30");
    for (const studentNo of ["2025010001", "2025010002"]) {
      const app = await secretary.applications.file({
        studentNo,
        type: "suspension",
        periodStartsOn: "2026-12-01",
        periodEndsOn: "2027-11-30",
        reasonCode: "99",
        materials: ["application-form", "student-id-copy", "parent-id-copy"],
      });
      await secretary.applications.submit({ applicationId: app.id, expectedVersion: 1 });
    }
    await (await w.as("secretary-b")).applications.file({ studentNo: "2025020001", type: "withdrawal", reasonCode: "21", materials: [] });
    // Suspensions are due in 10 working days: 2026-10-20 after the National Day holiday.
    const early = await (await w.as("registrar", "2026-10-20")).insights.pipeline({});
    expect(early).toEqual([
      { type: "suspension", stage: "college", collegeId: w.collegeA, count: 2, overdue: 0, deregistrationOverdue: 0 },
      { type: "withdrawal", stage: "draft", collegeId: w.collegeB, count: 1, overdue: 0, deregistrationOverdue: 0 },
    ]);
    const late = await (await w.as("registrar", "2026-10-21")).insights.pipeline({});
    expect(late[0]).toMatchObject({ count: 2, overdue: 2 });
    expect(await (await w.as("leader-a", "2026-10-21")).insights.pipeline({})).toHaveLength(1);
  });

  it("shows each college's check sheets against the calendar: accepted, waiting, missing and overdue", async () => {
    const grid = gridOf([
      ["学号", "姓名", "注册状态"],
      ["2025010001", "张三", "已注册"],
    ]);
    const receipt = await (await w.as("secretary-a")).sheets.submit({ clientId: "progress-roster-a", termCode: "2026-2027-1", grid });
    await (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
    // Autumn 2026 starts on 1 September: the returning roster is due at the end of week 3 (20 September), the earlier of
    // seed 003 第十二条 “各学院每学年第一学期开学后第三周结束前……报学校教务处” and seed 004 “10月前”.
    const progress = (await (await w.as("registrar", "2026-10-08")).insights.sheetProgress({ termCode: "2026-2027-1" })).rows;
    const returning = progress.filter((p) => p.task === "returning-registration").map((p) => [p.collegeName, p.dueOn, p.state, p.overdue]);
    expect(returning).toEqual([
      ["信息工程学院", "2026-09-20", "accepted", false],
      ["外国语学院", "2026-09-20", "missing", true],
    ]);
    const before = (await (await w.as("registrar", "2026-09-20")).insights.sheetProgress({ termCode: "2026-2027-1" })).rows;
    expect(before.find((p) => p.task === "returning-registration" && p.collegeId === w.collegeB)?.overdue).toBe(false);
    const own = (await (await w.as("secretary-b", "2026-10-08")).insights.sheetProgress({ termCode: "2026-2027-1" })).rows;
    expect(new Set(own.map((p) => p.collegeId))).toEqual(new Set([w.collegeB]));
  });
});
