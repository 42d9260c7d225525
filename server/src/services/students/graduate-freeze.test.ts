import type { TRPCError } from "@trpc/server";
import { type AppError, DEFAULT_WORKFLOWS, requiredMaterials } from "@xueji/shared";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApplication } from "../../../test/run-application";
import { makeWorld, type World } from "../../../test/world";
import { applications, auditEvents, freezeLifts, students, users } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { previewImport } from "../imports/run-import";

// 2025-2026: the class of 2022 graduates on 2026-06-30. The default calendar freezes their data from 2026-05-01.
const BEFORE = "2026-04-20";
const AFTER = "2026-05-11";

/** seed 000 六.1 “毕业生所有信息在当年的四月底之后不再进行更改及补充”: the graduates' data freeze. */
describe.each(TEST_ENGINES)("seed 000 六.1: the year's graduates' data is frozen after the end of April on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2022010101", name: "毕业甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010102", name: "毕业乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2023010103", name: "在读丙", collegeId: w.collegeA, majorId: w.majorA, grade: 2023 },
      { studentNo: "2022010104", name: "毕业丁", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  const fileRename = async (studentNo: string, today: string, name = "新名字") => {
    const workflow = DEFAULT_WORKFLOWS["identity-change"];
    return (await w.as("secretary-a", today)).applications.file({
      studentNo,
      type: "identity-change",
      reasonCode: "changed",
      materials: requiredMaterials(workflow, "changed") as never,
      changes: { name },
    });
  };

  it("a 学籍信息修改 for a graduate of the year is refused from the calendar's day, naming it; before it, and for a later class, it is filed", async () => {
    await expect(fileRename("2022010101", BEFORE)).resolves.toMatchObject({ stage: "draft" });
    const refused = await fileRename("2022010102", AFTER).catch((e: TRPCError) => e);
    expect(refused).toMatchObject({ cause: { code: "student.graduate-data-frozen", params: { from: "2026-05-01" } } });
    expect(((refused as TRPCError).cause as AppError).userMessage()).toContain("自 2026/05/01 起冻结");
    await expect(fileRename("2023010103", AFTER)).resolves.toMatchObject({ stage: "draft" });
  });

  it("one filed in April is stopped at its next decision in May (the record is frozen since)", async () => {
    const [app] = await w.db
      .select()
      .from(applications)
      .where(eq(applications.studentId, await idOf("2022010101")));
    const error = await runApplication(w, app?.id as number, { today: AFTER }).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ cause: { code: "student.graduate-data-frozen" } });
    expect((await w.db.select().from(students).where(eq(students.studentNo, "2022010101")))[0]?.name).toBe("毕业甲");
  });

  it("an import that would change a frozen graduate's name or 入学日期 is refused at the cell; other fields still import", async () => {
    const [s] = await w.db.select().from(students).where(eq(students.studentNo, "2022010104"));
    const header = ["学号", "姓名", "性别", "出生日期", "身份证号", "民族", "专业名称", "层次", "学制", "入学日期", "政治面貌"];
    const gender = s?.gender === "1" ? "男" : "女";
    const rowOf = (name: string, enrolment: string, political: string) => [
      s?.studentNo,
      name,
      gender,
      s?.birthDate,
      s?.idNumber,
      "汉族",
      "计算机科学与技术",
      "本科",
      "4",
      enrolment,
      political,
    ];
    const bytes = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("学生");
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const registrar = { userId: await userId("registrar"), role: "registrar-staff" as const, requestId: "freeze" };
    const preview = async (rows: unknown[][], today: string) =>
      (await previewImport(w.db, registrar, { kind: "students", fileName: "学籍.xlsx", bytes: await bytes(rows), options: {}, today }))
        .report;
    const renamed = await preview([header, rowOf("改名丁", "2022-09-05", "共青团员")], AFTER);
    expect(renamed.issues.filter((i) => i.code === "import.graduate-data-frozen").map((i) => i.field)).toEqual(["name", "enrolmentDate"]);
    expect(renamed.errors).toBe(2);
    // The same file in April changes them.
    expect((await preview([header, rowOf("改名丁", "2022-09-05", "共青团员")], BEFORE)).update).toBe(1);
    // 政治面貌 is neither identity nor certificate data: it still changes in May.
    const political = await preview([header, rowOf("毕业丁", "2022-09-01", "中共党员")], AFTER);
    expect(political).toMatchObject({ errors: 0, update: 1 });
  });

  it("the registrar leader lifts the freeze for one student with a reason, audited; only then the change goes through", async () => {
    await expect((await w.as("registrar", AFTER)).studentSearch.liftFreeze({ studentNo: "2022010102", reason: "x" })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    const leader = await w.as("registrar-leader", AFTER);
    await expect(leader.studentSearch.liftFreeze({ studentNo: "2022010102", reason: "  " })).rejects.toMatchObject({
      cause: { code: "student.freeze-reason-required" },
    });
    await expect(leader.studentSearch.liftFreeze({ studentNo: "2023010103", reason: "核对" })).rejects.toMatchObject({
      cause: { code: "student.not-frozen" },
    });
    const card = await (await w.as("registrar", AFTER)).studentSearch.card({ studentNo: "2022010102" });
    expect(card.freeze).toEqual({ from: "2026-05-01", lift: null });
    expect(await leader.studentSearch.liftFreeze({ studentNo: "2022010102", reason: "公安机关更名证明在四月前已出具" })).toEqual({
      studentNo: "2022010102",
      academicYear: "2025-2026",
    });
    const [event] = await w.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "student.lift-freeze"), eq(auditEvents.entityId, "2022010102")));
    expect(event?.after).toMatchObject({ reason: "公安机关更名证明在四月前已出具", academicYear: "2025-2026" });
    expect(await w.db.$count(freezeLifts)).toBe(1);
    const lifted = await (await w.as("secretary-a", AFTER)).studentSearch.card({ studentNo: "2022010102" });
    expect(lifted.freeze?.lift).toMatchObject({ reason: "公安机关更名证明在四月前已出具", by: "registrar-leader" });
    const app = await fileRename("2022010102", AFTER, "更名乙");
    await runApplication(w, app.id, { today: AFTER });
    expect((await w.db.select().from(students).where(eq(students.studentNo, "2022010102")))[0]?.name).toBe("更名乙");
    // Another graduate stays frozen.
    await expect(fileRename("2022010104", AFTER)).rejects.toMatchObject({ cause: { code: "student.graduate-data-frozen" } });
  });

  it("the graduation pages' view: the cohort, the day, whether it holds, and the lifts in the viewer's colleges only", async () => {
    const before = await (await w.as("secretary-a", BEFORE)).graduation.freeze({});
    expect(before).toMatchObject({ academicYear: "2025-2026", cohort: 2026, from: "2026-05-01", frozen: false });
    const own = await (await w.as("secretary-a", AFTER)).graduation.freeze({});
    expect(own).toMatchObject({ cohort: 2026, frozen: true });
    expect(own.lifts).toEqual([
      expect.objectContaining({
        studentNo: "2022010102",
        name: "更名乙",
        reason: "公安机关更名证明在四月前已出具",
        by: "registrar-leader",
      }),
    ]);
    // Another college's secretary sees the freeze but not college A's lifts.
    expect((await (await w.as("secretary-b", AFTER)).graduation.freeze({})).lifts).toEqual([]);
  });

  async function idOf(studentNo: string) {
    return (await w.db.select({ id: students.id }).from(students).where(eq(students.studentNo, studentNo)))[0]?.id as number;
  }
  async function userId(username: string) {
    return (await w.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id as number;
  }
});
