import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, TODAY, type World } from "../../../test/world";
import { students, users } from "../../db/schema";
import { makeIdNumber } from "../../db/seed-basics";
import { TEST_ENGINES } from "../../db/test-database";
import { recordExport } from "../exports/record-export";
import { registrationExport } from "../exports/registration-export";
import { commitImport, previewImport } from "./run-import";

async function xlsx(rows: Array<Array<string | number | null>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const HEADER = ["学号", "姓名", "性别", "出生日期", "证件类型", "身份证号", "民族", "专业名称", "层次", "学制", "学习形式", "入学日期"];
const resident = makeIdNumber("2005-03-14", "1", 71);

/** The record's imports by the rules the check sheets and 学信网 hold (学信网 ZJLX, 合计/填表人 rows; seed 003 第五、七条). */
describe.each(TEST_ENGINES)("the record's imports on %s", { timeout: 120_000 }, (engine) => {
  let w: World;
  let registrar: { userId: number; role: "registrar-staff"; requestId: string };
  const preview = async (kind: "students" | "admissions", rows: Array<Array<string | number | null>>, today = TODAY) =>
    previewImport(w.db, registrar, { kind, fileName: "学籍.xlsx", bytes: await xlsx(rows), options: {}, today });

  beforeAll(async () => {
    w = await makeWorld(engine);
    const [r] = await w.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar"));
    registrar = { userId: r?.id as number, role: "registrar-staff", requestId: "record-rules" };
  }, 120_000);
  afterAll(() => w.database.close());

  it("学信网: a 合计 … 48人 row and the 填表人/审核人 row under the data end it — no 3rd student, no errors, the report says where", async () => {
    const { id, report } = await preview("students", [
      HEADER,
      ["2024010901", "甲", "男", "2005-03-14", "居民身份证", resident, "汉族", "计算机科学与技术", "本科", "4", "普通全日制", "2024-09-01"],
      ["合计", "", "", "", "", "", "", "", "", "", "", "共 1 人"],
      ["填表人：王老师", "", "", "", "审核人：李老师"],
    ]);
    expect(report).toMatchObject({ rows: 1, create: 1, errors: 0 });
    expect(report.issues.find((i) => i.code === "sheet.data-ended")).toMatchObject({ row: 3, params: { last: 2, text: "合计" } });
    await commitImport(w.db, registrar, { id, today: TODAY });
    expect(await w.db.$count(students)).toBe(1);
  });

  it("学信网 ZJLX: a 回乡证 H-number and a 台胞证 number import with their 证件类型, a wrong one is refused at its cell, and both exports carry it", async () => {
    const { id, report } = await preview("students", [
      ["XH", "XM", "XB", "CSRQ", "ZJLX", "SFZH", "MZ", "ZYMC", "CC", "XZ"],
      ["2024010911", "陈大文", "男", "20050314", "港澳居民来往内地通行证", "H12345678", "汉族", "计算机科学与技术", "本科", "4"],
      ["2024010912", "林美玲", "女", "20050702", "台湾居民来往大陆通行证", "12345678", "汉族", "计算机科学与技术", "本科", "4"],
    ]);
    expect(report).toMatchObject({ create: 2, errors: 0 });
    await commitImport(w.db, registrar, { id, today: TODAY });
    const [chan] = await w.db.select().from(students).where(eq(students.studentNo, "2024010911"));
    expect(chan).toMatchObject({ idNumber: "H12345678", documentType: "港澳居民来往内地通行证" });
    const [first] = await w.db.select().from(students).where(eq(students.studentNo, "2024010901"));
    expect(first?.documentType ?? "居民身份证").toBe("居民身份证");

    const wrong = await preview("students", [
      ["学号", "姓名", "性别", "出生日期", "证件类型", "身份证号", "民族", "层次"],
      ["2024010913", "王小明", "男", "2005-03-14", "台湾居民来往大陆通行证", "H12345678", "汉族", "本科"],
      ["2024010914", "王小红", "男", "2005-03-14", "军官证", makeIdNumber("2005-03-14", "1", 74), "汉族", "本科"],
    ]);
    expect(wrong.report.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.column])).toEqual([
      ["id.document-format", "F"],
      ["id.document-unknown", "E"],
    ]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await recordExport(w.db)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("学生") as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const at = header.indexOf("证件类型") + 1;
    const rowOf = (no: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).text === no) found = r;
      });
      return found;
    };
    expect(rowOf("2024010911")?.getCell(at).text).toBe("港澳居民来往内地通行证");
    await w.db.execute(
      // registered this year, for the 学信网 export
      (await import("drizzle-orm"))
        .sql`insert into registrations (student_id, academic_year, status) select id, '2026-2027', 'registered' from students`,
    );
    const { rows } = await registrationExport(w.db, { academicYear: "2026-2027" });
    expect(rows.find((r) => r[1] === "2024010912")?.slice(5, 7)).toEqual(["台湾居民来往大陆通行证", "12345678"]);
  });

  it("seed 003 第七条: an admission whose 身份证号 holds a live 学籍 is refused, naming the 学号 that holds it", async () => {
    const { report } = await preview("admissions", [
      ["考生号", "姓名", "身份证号", "性别", "出生日期", "民族", "录取专业", "层次", "学制"],
      ["26430101000071", "甲", resident, "男", "2005-03-14", "汉族", "计算机科学与技术", "本科", "4"],
    ]);
    expect(report.issues.find((i) => i.severity === "error")).toMatchObject({
      code: "import.live-status-held",
      params: { studentNo: "2024010901" },
      column: "C",
    });
    expect(report.update).toBe(0);
  });

  it("seed 003 第五条: a student admitted to 预科 is not registered directly as 本科", async () => {
    const { report } = await preview("admissions", [
      ["考生号", "学号", "姓名", "身份证号", "性别", "出生日期", "民族", "录取专业", "层次", "录取类型"],
      [
        "26430101000072",
        "2026010972",
        "乙",
        makeIdNumber("2007-01-01", "2", 72),
        "女",
        "2007-01-01",
        "汉族",
        "计算机科学与技术",
        "本科",
        "预科",
      ],
      [
        "26430101000073",
        "2026010973",
        "丙",
        makeIdNumber("2007-01-02", "2", 73),
        "女",
        "2007-01-02",
        "汉族",
        "计算机科学与技术",
        "预科",
        "预科",
      ],
    ]);
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ code: "import.preparatory-level", row: 2, column: "I" }),
    ]);
  });

  it("seed 003 第四、十条: ZYMC/CC/XXXS/XZ of a registered student change only through 学籍异动, never by a file", async () => {
    const changed = [
      "2024010901",
      "甲",
      "男",
      "2005-03-14",
      "居民身份证",
      resident,
      "汉族",
      "计算机科学与技术",
      "专科",
      "3",
      "函授",
      "2024-09-01",
    ];
    const { report } = await preview("students", [HEADER, changed]);
    expect(report.issues.filter((i) => i.code === "import.registered-field-locked").map((i) => [i.field, i.column])).toEqual([
      ["level", "I"],
      ["duration", "J"],
      ["studyForm", "K"],
    ]);
    expect(report.update).toBe(0);
  });
});
