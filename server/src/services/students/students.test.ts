import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { TEST_ENGINES } from "../../db/test-database";
import { pinyinInitials } from "./pinyin-initials";
import { type SearchBounds, searchStudents } from "./search-students";

describe("pinyin initials", () => {
  it("takes the first letter of each syllable, reading compound surnames and names with a middle dot", () => {
    expect(pinyinInitials("张三")).toBe("zs");
    expect(pinyinInitials("欧阳娜娜")).toBe("oynn");
    expect(pinyinInitials("单田芳")).toBe("stf"); // 单 as a surname is shàn
    expect(pinyinInitials("阿依古丽·买买提")).toBe("ayglmmt");
  });
});

describe.each(TEST_ENGINES)("student search and card on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025010002", name: "赵爽", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025010003", name: "李四", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025020001", name: "张珊", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("finds students by pinyin initials, 学号 prefix and part of the name", async () => {
    const registrar = await w.as("registrar");
    const names = async (query: string) => (await registrar.studentSearch.search({ query })).items.map((s) => s.name);
    expect(await names("zs")).toEqual(["张三", "赵爽", "张珊"]);
    expect(await names("ZS")).toEqual(["张三", "赵爽", "张珊"]);
    expect(await names("20250100")).toEqual(["张三", "赵爽", "李四"]);
    expect(await names("四")).toEqual(["李四"]);
    expect(await names("%")).toEqual([]);
  });

  it("narrows to a major, a grade and a status, so a count elsewhere (学籍统计, 注册) opens exactly its students", async () => {
    const registrar = await w.as("registrar");
    await w.insertStudents([
      { studentNo: "2024010009", name: "休学生", collegeId: w.collegeA, majorId: w.majorA, grade: 2024, status: "suspended" },
    ]);
    const names = async (filters: { majorId?: number; grade?: number; status?: string }) =>
      (await registrar.studentSearch.search({ query: "", ...filters })).items.map((s) => s.name);
    expect(await names({ majorId: w.majorB })).toEqual(["张珊"]);
    expect(await names({ majorId: w.majorA, grade: 2024 })).toEqual(["休学生"]);
    expect(await names({ status: "suspended" })).toEqual(["休学生"]);
    expect(await names({ majorId: w.majorA, grade: 2025, status: "enrolled" })).toEqual(["张三", "赵爽", "李四"]);
    await expect(registrar.studentSearch.search({ query: "", status: "not-a-status" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps a college role to its college and masks ID numbers for roles that must not see them", async () => {
    const leader = await w.as("leader-a");
    const found = await leader.studentSearch.search({ query: "zs" });
    expect(found.items.map((s) => s.name)).toEqual(["张三", "赵爽"]);
    expect(found.items[0]?.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const secretary = await w.as("secretary-a");
    expect((await secretary.studentSearch.search({ query: "张三" })).items[0]?.idNumber).toMatch(/^\d{17}[\dX]$/);

    const card = await leader.studentSearch.card({ studentNo: "2025010001" });
    expect(card.student.idNumberMasked).toBe(true);
    expect(card.student.name).toBe("张三");
    // Another college's student reads as unknown, exactly like a missing 学号: its existence is not told.
    const foreign = await leader.studentSearch.card({ studentNo: "2025020001" }).catch((e: unknown) => e);
    const missing = await leader.studentSearch.card({ studentNo: "2099999999" }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: "NOT_FOUND", message: "student.unknown" });
    expect(missing).toMatchObject({ code: "NOT_FOUND", message: "student.unknown" });
    await expect(leader.studentSearch.card({ studentNo: "2099999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages results by cursor", async () => {
    const registrar = await w.as("registrar");
    const first = await registrar.studentSearch.search({ query: "2025", limit: 3 });
    expect(first.items).toHaveLength(3);
    const rest = await registrar.studentSearch.search({ query: "2025", limit: 3, cursor: first.nextCursor as string });
    expect(rest.items.map((s) => s.name)).toEqual(["张珊"]);
    expect(rest.nextCursor).toBeNull();
  });

  // Each index behind a name or 学号 match answers as ILIKE does: 1 or 2 characters (a name's characters and
  // pairs), 3 or more (trigrams, which punctuation and spaces split into words), letters in either case.
  it("finds any part of a name, of any length, and a 学号 typed in either case", async () => {
    await w.insertStudents([
      { studentNo: "B2026000001", name: "欧阳娜娜", collegeId: w.collegeA, majorId: w.majorA, grade: 2026 },
      { studentNo: "B2026000002", name: "阿依古丽·买买提", collegeId: w.collegeA, majorId: w.majorA, grade: 2026 },
      { studentNo: "B2026000003", name: "Anna Li", collegeId: w.collegeA, majorId: w.majorA, grade: 2026 },
    ]);
    const registrar = await w.as("registrar");
    const names = async (query: string) => (await registrar.studentSearch.search({ query })).items.map((s) => s.name);
    expect(await names("阳娜")).toEqual(["欧阳娜娜"]);
    expect(await names("娜")).toEqual(["欧阳娜娜"]);
    expect(await names("阳娜娜")).toEqual(["欧阳娜娜"]);
    expect(await names("欧阳娜娜")).toEqual(["欧阳娜娜"]);
    expect(await names("丽·买")).toEqual(["阿依古丽·买买提"]);
    expect(await names("·")).toEqual(["阿依古丽·买买提"]);
    expect(await names("NA L")).toEqual(["Anna Li"]);
    expect(await names("nA")).toEqual(["Anna Li"]);
    expect(await names("b2026")).toEqual(["欧阳娜娜", "阿依古丽·买买提", "Anna Li"]);
    expect(await names("B20260000")).toEqual(["欧阳娜娜", "阿依古丽·买买提", "Anna Li"]);
    expect(await names("_")).toEqual([]);
    expect(await names("欧阳娜娜娜")).toEqual([]);
  });

  // Each way of matching finds its first page by one of three plans (search-students.ts: its own index when few
  // match, a walk through 学号 order, else every match sorted); bounds small enough for this handful of students
  // take each of them, and every plan must give the same pages. The matches come last in 学号 order, so a
  // short walk finds none of them.
  it("gives the same pages whichever plan finds a way's matches", async () => {
    await w.insertStudents(
      [
        ...["李一", "李二", "李三", "李四四"].map((name, i) => ({ studentNo: `2027010${i}`, name })),
        ...["王丁辛", "吴丁辛", "王丁", "王丁辛"].map((name, i) => ({ studentNo: `2027011${i}`, name })),
      ].map((s) => ({ ...s, collegeId: w.collegeA, majorId: w.majorA, grade: 2027 })),
    );
    const pages = async (query: string, bounds?: SearchBounds) => {
      const found: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await searchStudents(w.database.db, { query, role: "registrar-staff", grade: 2027, limit: 2, cursor, bounds });
        found.push(page.items.map((s) => `${s.studentNo} ${s.name}`));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return found;
    };
    const expected = {
      王丁辛: [["20270110 王丁辛", "20270113 王丁辛"]],
      wdx: [["20270110 王丁辛", "20270111 吴丁辛"], ["20270113 王丁辛"]],
      王: [["20270110 王丁辛", "20270112 王丁"], ["20270113 王丁辛"]],
      王丁: [["20270110 王丁辛", "20270112 王丁"], ["20270113 王丁辛"]],
      w: [
        ["20270110 王丁辛", "20270111 吴丁辛"],
        ["20270112 王丁", "20270113 王丁辛"],
      ],
      "2027011": [
        ["20270110 王丁辛", "20270111 吴丁辛"],
        ["20270112 王丁", "20270113 王丁辛"],
      ],
    };
    for (const bounds of [
      undefined,
      { few: 2, walk: 100 },
      { few: 2, walk: 3 },
      { few: 100, walk: 3 },
      { few: 2, walk: 6 },
      { few: 1, walk: 1 },
    ])
      for (const [query, want] of Object.entries(expected))
        expect([query, bounds, await pages(query, bounds)]).toEqual([query, bounds, want]);
  });
});
