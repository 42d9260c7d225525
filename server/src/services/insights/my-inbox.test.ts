import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { pendingItems, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

// 我的待办 is one inbox per role: the secretary's sheets and her college's 学业预警 besides applications,
// the registrar's sheets to review and standing outcomes to take up.
describe.each(TEST_ENGINES)("one inbox per role on %s", (engine) => {
  let w: World;
  const DAY = "2026-10-08";
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025020001", name: "赵六", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
    const grid = gridOf([
      ["学号", "姓名", "注册状态"],
      ["2025010001", "张三", "已注册"],
    ]);
    const sent = await (await w.as("secretary-a", DAY)).sheets.submit({ clientId: "inbox-roster-a", termCode: "2026-2027-1", grid });
    await (await w.as("registrar", DAY)).sheets.review({ submissionId: sent.submissionId, decision: "reject", reason: "缺少第 3 页" });
    const gridB = gridOf([
      ["学号", "姓名", "注册状态"],
      ["2025020001", "赵六", "已注册"],
    ]);
    await (await w.as("secretary-b", DAY)).sheets.submit({ clientId: "inbox-roster-b", termCode: "2026-2027-1", grid: gridB });
    const [a] = await w.db.select({ id: students.id }).from(students).where(eq(students.studentNo, "2025010001"));
    const [b] = await w.db.select({ id: students.id }).from(students).where(eq(students.studentNo, "2025020001"));
    await w.db.insert(pendingItems).values([
      {
        studentId: a?.id as number,
        collegeId: w.collegeA,
        kind: "warning-1",
        academicYear: "2025-2026",
        termCode: "2025-2026-2",
        figures: {},
      },
      { studentId: b?.id as number, collegeId: w.collegeB, kind: "dismissal", academicYear: "2025-2026", figures: {} },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("gives the secretary her returned sheet with its reason, the sheets due or overdue, and her college's pending standing", async () => {
    const inbox = (await (await w.as("secretary-a", DAY)).insights.myInbox()).items;
    const returned = inbox.filter((i) => i.kind === "sheet-returned");
    expect(returned).toEqual([expect.objectContaining({ subject: "roster-returning", reason: "缺少第 3 页", dueOn: "2026-09-20" })]);
    expect(returned[0]?.workingDaysLeft).toBeLessThan(0);
    expect(inbox.every((i) => i.collegeId === w.collegeA)).toBe(true);
    expect(inbox.filter((i) => i.kind === "standing-pending")).toEqual([expect.objectContaining({ subject: "warning-1", count: 1 })]);
    expect(inbox.some((i) => i.kind === "sheet-to-review" || i.kind === "standing-take-up")).toBe(false);
  });

  it("gives the registrar the sheets awaiting review and the outcomes to take up, and nothing to the school leader", async () => {
    const inbox = (await (await w.as("registrar", DAY)).insights.myInbox()).items;
    expect(inbox.filter((i) => i.kind === "sheet-to-review")).toEqual([
      expect.objectContaining({ collegeId: w.collegeB, subject: "roster-returning", count: 1 }),
    ]);
    expect(inbox.filter((i) => i.kind === "standing-take-up")).toEqual([
      expect.objectContaining({ collegeId: w.collegeB, subject: "dismissal", count: 1 }),
    ]);
    expect(inbox.some((i) => i.kind === "sheet-due" || i.kind === "sheet-returned")).toBe(false);
    expect((await (await w.as("school-leader", DAY)).insights.myInbox()).items).toEqual([]);
  });
});
