import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILED_HEADER, failedRows, gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { pendingItems, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { SETTING_KINDS } from "../settings/setting-kinds";

// Academic standing (seed 000 九, seed 004 二.2), through the real API on a real database.
describe.each(TEST_ENGINES)("pending items from failed-course sheets on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents(
      ["2023030001", "2023030002", "2023030003"].map((studentNo) => ({
        studentNo,
        name: "学生",
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2023,
      })),
    );
  }, 60_000);
  afterAll(() => w.database.close());

  async function accept(term: string, rows: Array<Array<string | number>>, clientId: string) {
    const receipt = await (await w.as("secretary-a")).sheets.submit({
      clientId,
      termCode: term,
      kind: "failed-courses",
      grid: gridOf([FAILED_HEADER, ...rows]),
    });
    return (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
  }
  async function itemsOf(studentNo: string) {
    const [student] = await w.db.select().from(students).where(eq(students.studentNo, studentNo));
    return w.db
      .select({ kind: pendingItems.kind, termCode: pendingItems.termCode, state: pendingItems.state, figures: pendingItems.figures })
      .from(pendingItems)
      .where(eq(pendingItems.studentId, student?.id ?? 0));
  }

  it("seed 000 九 “学年累计不合格学分 28-35 学分为留级”: the year outcome outranks the term warnings — one item per student and year, showing both figures", async () => {
    await accept("2025-2026-1", failedRows("2023030001", "学生", "2025-2026-1", 14), `year-1-${engine}`);
    expect((await itemsOf("2023030001")).map((i) => [i.kind, i.termCode, i.state])).toEqual([["warning-1", "2025-2026-1", "pending"]]);
    await accept("2025-2026-2", failedRows("2023030001", "学生", "2025-2026-2", 14), `year-2-${engine}`);
    const items = await itemsOf("2023030001");
    expect(items.map((i) => [i.kind, i.termCode, i.state])).toEqual([["repeat", "", "pending"]]);
    expect(items[0]?.figures).toMatchObject({
      yearFailedCredits: 28,
      yearOutcome: "repeat",
      ruleSet: "seed-000-9",
      terms: [
        { term: "2025-2026-1", failedCredits: 14, outcome: "warning-1" },
        { term: "2025-2026-2", failedCredits: 14, outcome: "warning-1" },
      ],
      termWarnings: [
        { term: "2025-2026-1", failedCredits: 14, outcome: "warning-1" },
        { term: "2025-2026-2", failedCredits: 14, outcome: "warning-1" },
      ],
    });
    // The existing API still lists it with its fields.
    const listed = (await (await w.as("registrar")).pending.list({ academicYear: "2025-2026" })).items.filter(
      (p) => p.studentNo === "2023030001",
    );
    expect(listed.map((p) => [p.kind, p.termCode, p.state])).toEqual([["repeat", "", "pending"]]);
  });

  it("seed 004 “组织上学期课程考核不合格学生的补考”: a 补考 passed in the next term clears the failure, and the warning is lifted", async () => {
    await accept("2025-2026-1", [["2023030002", "学生", "2025-2026-1", "MA101", "高等数学", 12, 35, "正考"]], `resit-1-${engine}`);
    expect((await itemsOf("2023030002")).map((i) => [i.kind, i.state])).toEqual([["warning-1", "pending"]]);
    await accept("2025-2026-2", [["2023030002", "学生", "2025-2026-2", "MA101", "高等数学", 12, 75, "补考"]], `resit-2-${engine}`);
    const [item] = await itemsOf("2023030002");
    expect(item).toMatchObject({ kind: "warning-1", state: "lifted" });
  });

  it("a course failed twice in one year counts once by default: 16 + the same 16 again is not 留级", async () => {
    const row = (term: string, type: string): Array<string | number> => ["2023030003", "学生", term, "CS101", "程序设计", 16, 30, type];
    await accept("2025-2026-1", [row("2025-2026-1", "正考")], `twice-1-${engine}`);
    await accept("2025-2026-2", [row("2025-2026-2", "重修")], `twice-2-${engine}`);
    const items = await itemsOf("2023030003");
    expect(items.map((i) => [i.kind, i.termCode])).toEqual([["warning-1", "2025-2026-1"]]);
    expect(items[0]?.figures).toMatchObject({ yearFailedCredits: 16, repeatCreditsNotCounted: 16, yearOutcome: "none" });
  });

  it("shows the twice-failed option in the preview of a rule change", async () => {
    const leader = await w.as("registrar-leader");
    const defaults = SETTING_KINDS["standing-rules"].default();
    const value = {
      ...defaults,
      termBands: [...defaults.termBands],
      yearBands: [...defaults.yearBands],
      repeatFailureInYear: "each" as const,
    };
    const preview = await leader.settings.previewStandingRules({ academicYear: "2025-2026", value });
    expect(preview.repeatFailureInYear).toEqual({
      before: "once",
      after: "each",
      notCountedAgain: { before: { students: 1, credits: 16 }, after: { students: 0, credits: 0 } },
    });
    expect(preview.changes).toContainEqual({ from: "warning-1", to: "repeat", count: 1 });
  });
});
