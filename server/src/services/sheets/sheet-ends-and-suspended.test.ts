import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { registrations, sheetRows, sheetSubmissions, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { registrationExport } from "../exports/registration-export";

const ROSTER_HEADER = ["序号", "学号", "姓名", "注册状态"];

/** Returning rosters as 学信网 takes them: 休学学生不注册, and a totals or signature row ends the data. */
describe.each(TEST_ENGINES)("returning rosters on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2024030001", name: "在读甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2024 },
      { studentNo: "2024030002", name: "休学乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2024, status: "suspended" },
      { studentNo: "2024030003", name: "在读丙", collegeId: w.collegeA, majorId: w.majorA, grade: 2024 },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  const idOf = async (studentNo: string) => (await w.db.select().from(students).where(eq(students.studentNo, studentNo)))[0]?.id as number;

  it("seed 003 第十一条 休学学生不注册: a 休学 student marked 已注册 is an issue at its cell; the 学信网 export leaves them out", async () => {
    const secretary = await w.as("secretary-a");
    const verdict = await secretary.sheets.validate({
      termCode: "2025-2026-1",
      grid: gridOf([ROSTER_HEADER, [1, "2024030001", "在读甲", "已注册"], [2, "2024030002", "休学乙", "已注册"]]),
    });
    expect(verdict.issues.map((i) => [i.row, i.column, i.code, i.suggestion ?? null])).toEqual([
      [3, "D", "record.suspended-not-registered", "休学"],
    ]);
    expect(verdict.issues[0]?.message).toContain("休学学生不注册");
    // Marked 休学 instead, the row is clean.
    const fixed = await secretary.sheets.validate({
      termCode: "2025-2026-1",
      grid: gridOf([ROSTER_HEADER, [1, "2024030001", "在读甲", "已注册"], [2, "2024030002", "休学乙", "休学"]]),
    });
    expect(fixed.issues).toEqual([]);

    // A roster checked while the student was 在读, accepted after the 休学 was executed: not registered.
    const receipt = await secretary.sheets.submit({
      clientId: "suspended-late-0001",
      termCode: "2025-2026-1",
      grid: gridOf([ROSTER_HEADER, [1, "2024030001", "在读甲", "已注册"], [2, "2024030003", "在读丙", "已注册"]]),
    });
    await w.db.update(students).set({ status: "suspended" }).where(eq(students.studentNo, "2024030003"));
    await (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
    const registered = await w.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.academicYear, "2025-2026"), eq(registrations.status, "registered")));
    expect(registered.map((r) => r.studentId)).toEqual([await idOf("2024030001")]);

    // A registration written before the 休学 (the record moved since): the export still leaves them out.
    await w.db.insert(registrations).values({ studentId: await idOf("2024030002"), academicYear: "2025-2026", status: "registered" });
    const { rows } = await registrationExport(w.db, { academicYear: "2025-2026" });
    expect(rows.map((r) => r[1])).toEqual(["2024030001"]);
  });

  it("学信网 证件类型: a college's roster with a 回乡证 H-number and a 台胞证 8-digit number is clean and can be submitted", async () => {
    await w.insertStudents([
      { studentNo: "2024030011", name: "陈大文", collegeId: w.collegeA, majorId: w.majorA, grade: 2024, idNumber: "H12345678" },
      { studentNo: "2024030012", name: "林美玲", collegeId: w.collegeA, majorId: w.majorA, grade: 2024, idNumber: "12345678" },
    ]);
    const secretary = await w.as("secretary-a");
    const grid = gridOf([
      ["学号", "姓名", "证件类型", "身份证件号", "注册状态"],
      ["2024030011", "陈大文", "港澳居民来往内地通行证", "H12345678", "已注册"],
      ["2024030012", "林美玲", "台湾居民来往大陆通行证", "12345678", "已注册"],
    ]);
    const verdict = await secretary.sheets.validate({ termCode: "2026-2027-1", grid });
    expect(verdict.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(verdict.issues.map((i) => i.code)).toEqual(["id.document-no-birth", "id.document-no-birth"]);
    expect(verdict.issues[0]?.message).toBe("证件为港澳居民来往内地通行证（号码 H12345678），证件号不含出生日期和性别，不作核对。");
    const receipt = await secretary.sheets.submit({ clientId: "hk-tw-roster-0001", termCode: "2026-2027-1", grid });
    const rows = await w.db.select().from(sheetRows).where(eq(sheetRows.submissionId, receipt.submissionId));
    expect(rows.map((r) => [r.studentNo, r.errorCount])).toEqual([
      ["2024030011", 0],
      ["2024030012", 0],
    ]);
  });

  it("学信网 sheets end at their data: a 合计 row and the 填表人/审核人 row under it are neither checked nor submitted", async () => {
    const secretary = await w.as("secretary-a");
    const grid = gridOf([
      ["2025-2026学年在校生学年电子注册信息核对表"],
      ROSTER_HEADER,
      [1, "2024030001", "在读甲", "已注册"],
      ["合计", null, "1人", "已注册 1 人"],
      ["填表人：王老师", null, "审核人：李老师", null],
      [null, "（2026年9月）", null, null],
    ]);
    const verdict = await secretary.sheets.validate({ termCode: "2026-2027-1", grid });
    expect(verdict.issues.map((i) => [i.row, i.column, i.code])).toEqual([[4, null, "sheet.data-ended"]]);
    expect(verdict.issues[0]?.message).toBe("数据到第 3 行结束：第 4 行“合计”是合计或签字行，它和它下面的行不核对、不提交。");
    const receipt = await secretary.sheets.submit({ clientId: "totals-row-0001", termCode: "2026-2027-1", grid });
    const [submission] = await w.db.select().from(sheetSubmissions).where(eq(sheetSubmissions.id, receipt.submissionId));
    expect(submission?.errorCount).toBe(0);
    const rows = await w.db.select().from(sheetRows).where(eq(sheetRows.submissionId, receipt.submissionId));
    expect(rows.map((r) => r.studentNo)).toEqual(["2024030001"]);
  });
});
