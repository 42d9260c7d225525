import type { TRPCError } from "@trpc/server";
import { DEFAULT_WORKFLOWS, requiredMaterials } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApplication } from "../../../test/run-application";
import { makeWorld, type World } from "../../../test/world";
import { students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

const DAY = "2026-11-23";

/** seed 003 第四条 (保留入学资格 标注) and seed 004 保留入学资格: a deferred freshman comes back as 录取. */
describe.each(TEST_ENGINES)("seed 003 第四条: 保留入学资格 → 恢复入学资格 on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010301", name: "保留甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2025, status: "admission-kept" },
      { studentNo: "2025010302", name: "在读乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  const file = async (studentNo: string, reasonCode = "34") =>
    (await w.as("secretary-a", DAY)).applications.file({
      studentNo,
      type: "resume-admission",
      reasonCode,
      materials: requiredMaterials(DEFAULT_WORKFLOWS["resume-admission"], reasonCode) as never,
    });

  it("a 恢复入学资格 for a student on 保留入学资格 passes its chain and makes him 录取 again, ready for 报到 and 电子注册", async () => {
    expect(requiredMaterials(DEFAULT_WORKFLOWS["resume-admission"], "34")).toContain("discharge");
    const app = await file("2025010301");
    expect(await runApplication(w, app.id, { today: DAY })).toMatchObject({ state: "done" });
    expect((await w.db.select().from(students).where(eq(students.studentNo, "2025010301")))[0]?.status).toBe("admitted");
  });

  it("is refused when filed for a student who kept no admission", async () => {
    const error = await file("2025010302").catch((e: TRPCError) => e);
    expect(error).toMatchObject({ cause: { code: "application.transition-refused" } });
  });
});
