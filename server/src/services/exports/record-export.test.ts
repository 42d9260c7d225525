import { Writable } from "node:stream";
import { asc } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, TODAY, type World } from "../../../test/world";
import type { Database } from "../../db/client";
import { classes, colleges, majors, students } from "../../db/schema";
import { insertUser } from "../../db/seed-basics";
import { openTestDatabase, TEST_ENGINES } from "../../db/test-database";
import { commitImport, previewImport } from "../imports/run-import";
import { RECORD_STUDENT_HEADER, readRecord, recordExport, writeRecord } from "./record-export";

// §2/§4: the whole record goes out as one .xlsx; its students, imported into an empty database with the same organisation, are the same students.
describe.each(TEST_ENGINES)("the whole record as .xlsx on %s", { timeout: 240_000 }, (engine) => {
  let w: World;
  let empty: Database;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents(
      Array.from({ length: 40 }, (_, i) => ({
        studentNo: `2024${i < 20 ? "01" : "02"}00${String(i).padStart(2, "0")}`,
        name: "张三李四王五赵六孙七"[i % 10] === "张" ? "张三" : `${"李王赵孙周"[i % 5]}${"一二三四五六"[i % 6]}`,
        collegeId: i < 20 ? w.collegeA : w.collegeB,
        majorId: i < 20 ? w.majorA : w.majorB,
        grade: 2024,
        status: i === 3 ? "suspended" : "enrolled",
      })),
    );
    empty = await openTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await w.database.close();
    await empty.close();
  });

  it("writes every part of the record, and its 学生 sheet imports into an empty database as the same students", async () => {
    const file = await recordExport(w.db);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["学生", "学籍变动", "学籍异动", "异动审批", "毕业审核", "学院", "专业", "班级"]);
    expect(wb.getWorksheet("学生")?.rowCount).toBe(41);
    // Written row by row, it keeps what the whole workbook had: every cell text, the header bold and frozen.
    const roster = wb.getWorksheet("学生");
    expect(roster?.getRow(2).getCell(RECORD_STUDENT_HEADER.indexOf("身份证号") + 1).numFmt).toBe("@");
    expect(roster?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(roster?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    // The same organisation in the empty database (organisation management is another service).
    for (const c of await w.db.select().from(colleges)) await empty.db.insert(colleges).values(c);
    for (const m of await w.db.select().from(majors)) await empty.db.insert(majors).values(m);
    for (const c of await w.db.select().from(classes)) await empty.db.insert(classes).values(c);
    const userId = await insertUser(empty.db, {
      username: "registrar",
      displayName: "学籍中心",
      role: "registrar-staff",
      collegeId: null,
      passwordHash: "x",
    });
    const actor = { userId, role: "registrar-staff" as const, requestId: "round-trip" };
    const preview = await previewImport(empty.db, actor, {
      kind: "students",
      fileName: "学籍档案.xlsx",
      bytes: file,
      options: {},
      today: TODAY,
    });
    expect(preview.report).toMatchObject({ sheet: "学生", rows: 40, create: 40, errors: 0 });
    await commitImport(empty.db, actor, { id: preview.id, today: TODAY });

    const shape = (db: Database["db"]) =>
      db
        .select({
          studentNo: students.studentNo,
          examNo: students.examNo,
          idNumber: students.idNumber,
          name: students.name,
          gender: students.gender,
          birthDate: students.birthDate,
          ethnicity: students.ethnicity,
          politicalStatus: students.politicalStatus,
          collegeId: students.collegeId,
          majorId: students.majorId,
          classId: students.classId,
          grade: students.grade,
          level: students.level,
          duration: students.duration,
          studyForm: students.studyForm,
          enrolmentDate: students.enrolmentDate,
          expectedGraduationDate: students.expectedGraduationDate,
          admissionType: students.admissionType,
          status: students.status,
        })
        .from(students)
        .orderBy(asc(students.studentNo));
    expect(await shape(empty.db)).toEqual(await shape(w.db));
    // And importing it back into the database it came from changes nothing.
    const back = await previewImport(
      w.db,
      { ...actor, userId: 5 },
      { kind: "students", fileName: "学籍档案.xlsx", bytes: file, options: {}, today: TODAY },
    );
    expect(back.report).toMatchObject({ create: 0, update: 0, unchanged: 40, errors: 0 });
  });

  it("gives up at once, with an error, when the reader leaves half-way (the download closed)", async () => {
    const leaving = new Writable({
      write(_chunk, _encoding, done) {
        leaving.destroy();
        done();
      },
    });
    await expect(writeRecord(await readRecord(w.db), leaving)).rejects.toThrow(/premature close/i);
  });
});
