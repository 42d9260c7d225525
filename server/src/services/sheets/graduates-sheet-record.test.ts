import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { TEST_ENGINES } from "../../db/test-database";

const HEADER = ["学号", "姓名", "性别", "出生日期", "身份证号", "专业", "层次", "学制", "学习形式", "入学日期", "预计毕业日期"];

/**
 * seed 003 第十五条 学历注册信息应与学历证书内容保持一致: the certificate is made from the record, so the
 * 毕业生信息核对表 is compared with it for 专业、层次、学制、学习形式、入学年月.
 */
describe.each(TEST_ENGINES)("the graduates sheet against the record on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      {
        studentNo: "2022010001",
        name: "王计算",
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2022,
        gender: "1",
        birthDate: "2004-03-15",
      },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  const rowOf = async (cells: string[]): Promise<string[]> => {
    const [student] = await w.db.query.students.findMany({ where: (s, { eq }) => eq(s.studentNo, "2022010001") });
    return ["2022010001", "王计算", "男", "2004-03-15", student?.idNumber ?? "", ...cells, "2026-06-30"];
  };

  it("seed 003 第十五条: 英语/专科/3年/函授/2023-09 for a 计算机/本科/4年/全日制 student of 2022-09 are issues at those cells", async () => {
    const secretary = await w.as("secretary-a");
    const verdict = await secretary.sheets.validate({
      termCode: "2025-2026-2",
      grid: gridOf([HEADER, await rowOf(["英语", "专科", "3", "函授", "2023-09-01"])]),
    });
    const differs = verdict.issues.filter((i) => i.code === "record.certificate-differs");
    expect(differs.map((i) => [i.row, i.column, i.suggestion])).toEqual([
      [2, "F", "计算机科学与技术"],
      [2, "G", "本科"],
      [2, "H", "4年"],
      [2, "I", "普通全日制"],
      [2, "J", "2022-09"],
    ]);
    expect(differs[1]?.message).toBe(
      "层次与学籍库不一致（库中为“本科”）。学历证书按学籍库信息制作；如学籍库有误，请先通过学籍异动（如转专业）或学籍信息修改流程更正。",
    );
  });

  it("seed 003 第十五条: the same student's sheet as the record holds it (入学 the same month) is clean", async () => {
    const secretary = await w.as("secretary-a");
    const verdict = await secretary.sheets.validate({
      termCode: "2025-2026-2",
      grid: gridOf([HEADER, await rowOf(["计算机科学与技术", "本科", "4", "全日制", "2022-09-05"])]),
    });
    expect(verdict.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
