import { isOverdue } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, TODAY, type World } from "../../../test/world";
import { applications, students, users } from "../../db/schema";
import { pipelineCounts } from "../dashboard/pipeline-counts";
import { listApplications } from "./list-applications";
import { overdue } from "./overdue";

/** Every combination of state, execution and the two deadlines around today. */
const CASES = (() => {
  const dates = [null, "2026-11-20", TODAY, "2026-11-30"];
  const out: Array<{ state: "open" | "done"; dueOn: string | null; executedOn: string | null; deregistrationDueOn: string | null }> = [];
  for (const state of ["open", "done"] as const)
    for (const dueOn of dates)
      for (const executedOn of [null, "2026-11-10"])
        for (const deregistrationDueOn of executedOn ? dates : [null]) out.push({ state, dueOn, executedOn, deregistrationDueOn });
  return out;
})();

describe("逾期: the server's SQL and shared's isOverdue agree, on the list filter and the pipeline counts", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld("pglite");
    await w.insertStudents([
      { studentNo: "2025010001", name: "测试", collegeId: w.collegeA, majorId: w.majorA, grade: 2025, status: "enrolled" },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("counts as overdue exactly the applications shared calls overdue — an executed 休学 at 上报 is not, whatever its old 办理期限", async () => {
    const [student] = await w.db.select().from(students).limit(1);
    const [filer] = await w.db.select().from(users).where(eq(users.username, "secretary-a"));
    const inserted = await w.db
      .insert(applications)
      .values(
        CASES.map((c) => ({
          type: "suspension" as const,
          workflowVersion: 0,
          studentId: student?.id as number,
          collegeId: w.collegeA,
          reasonCode: "99",
          materials: [],
          changes: {},
          stage: c.executedOn ? "reported" : "college",
          filedBy: filer?.id as number,
          ...c,
        })),
      )
      .returning({ id: applications.id });
    const expected = inserted.filter((_, i) => isOverdue(CASES[i] as (typeof CASES)[number], TODAY)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(2);
    const inSql = await w.db.select({ id: applications.id }).from(applications).where(overdue(TODAY)).orderBy(applications.id);
    expect(inSql.map((r) => r.id)).toEqual(expected);

    const listed = await listApplications(w.db, { overdue: true, today: TODAY, sort: "filed", direction: "asc", limit: 500 });
    expect(listed.items.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    const counts = await pipelineCounts(w.db, { today: TODAY });
    expect(counts.reduce((n, c) => n + c.overdue, 0)).toBe(expected.length);
    // The 上报 stage: executed, no 学籍注销 due — never overdue, though its 办理期限 has long passed.
    const reported = CASES.filter((c) => c.state === "open" && c.executedOn && !c.deregistrationDueOn);
    expect(reported.every((c) => !isOverdue(c, TODAY))).toBe(true);
  });
});
