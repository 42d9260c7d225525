import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { sheetRows, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

const DISMISSAL_HEADER = ["学号", "姓名", "退学原因", "身份证号"];

describe.each(TEST_ENGINES)("what a sheet tells beyond its college on %s", (engine) => {
  let w: World;
  let recordedId = "";
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025020001", name: "赵六", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
    const [zhang] = await w.db.select().from(students).where(eq(students.studentNo, "2025010001"));
    recordedId = zhang?.idNumber ?? "";
  }, 180_000);
  afterAll(() => w.database.close());

  it("answers another college's student number exactly as an unknown one", async () => {
    const secretary = await w.as("secretary-a");
    const verdict = await secretary.sheets.validate({
      termCode: "2025-2026-1",
      grid: gridOf([DISMISSAL_HEADER, ["2025020001", "赵六", "逾期未报到", null], ["2025099999", "某人", "逾期未报到", null]]),
    });
    const [other, unknown] = verdict.issues.filter((i) => i.field === "studentNo");
    expect(other?.code).toBe("record.unknown-student");
    expect({ ...other, row: 0, params: {}, message: other?.message.replace("2025020001", "N") }).toEqual({
      ...unknown,
      row: 0,
      params: {},
      message: unknown?.message.replace("2025099999", "N"),
    });
    expect(JSON.stringify(verdict)).not.toContain("外国语学院");
  });

  it("shows leaders neither the recorded ID number an issue quotes nor a row's phone and address", async () => {
    const secretary = await w.as("secretary-a");
    // The sheet's ID number differs from the record's: the issue quotes the record's to the secretary.
    const typed = `${recordedId.slice(0, 17)}${recordedId.endsWith("1") ? "2" : "1"}`;
    const sent = await secretary.sheets.submit({
      clientId: "dismissal-privacy-1",
      termCode: "2025-2026-1",
      grid: gridOf([DISMISSAL_HEADER, ["2025010001", "张三", "逾期未报到", typed]]),
    });
    const own = await secretary.sheets.get({ submissionId: sent.submissionId });
    expect(JSON.stringify(own)).toContain(recordedId); // her own work: in full
    // A row as a template with 联系电话 and 家庭住址 columns stores it.
    await w.db
      .update(sheetRows)
      .set({ values: sql`${sheetRows.values} || '{"phone": "13812345678", "address": "湖南省长沙市岳麓区麓山南路932号"}'::jsonb` })
      .where(eq(sheetRows.submissionId, sent.submissionId));

    for (const leader of ["leader-a", "school-leader"]) {
      const seen = await (await w.as(leader)).sheets.get({ submissionId: sent.submissionId });
      const text = JSON.stringify(seen);
      expect(text).not.toContain(recordedId);
      expect(text).not.toContain(typed);
      expect(text).not.toContain("13812345678");
      expect(text).not.toContain("麓山南路");
      const row = seen.rows.items[0];
      expect(row?.values).toMatchObject({ phone: "138****5678", address: "湖南省长沙市****" });
      const changed = row?.issues.find((i) => i.code === "record.identity-changed");
      expect(changed?.params.recorded).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(changed?.suggestion).toBe(changed?.params.recorded);
    }
  });
});
