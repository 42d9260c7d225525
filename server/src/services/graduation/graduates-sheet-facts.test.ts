import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { type AuditReason, graduationReasonText } from "@xueji/shared";
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents, graduationAudits, studentPhotos, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { readSheetGrid, toWire } from "../../files/read-sheet-grid";

// The degree audit's conditions read data the record holds or a sheet brings. The graduates
// sheet (docs/domain.md §4, it feeds the graduation and degree audits) carries 平均学分绩点 and 处分; accepting
// it records them through the service `graduation.recordFacts` uses, and the next audit reads them.
const NOS = ["2022010201", "2022010202", "2022010203", "2022010204", "2022010205"];

describe.each(TEST_ENGINES)("degree facts from an accepted graduates sheet on %s", (engine) => {
  let w: World;
  let dir: string;
  beforeAll(async () => {
    w = await makeWorld(engine);
    dir = await mkdtemp(join(tmpdir(), "xueji-graduates-"));
    await w.insertStudents(
      ["绩点甲", "绩点乙", "绩点丙", "绩点丁", "绩点戊"].map((name, i) => ({
        studentNo: NOS[i] as string,
        name,
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2022,
      })),
    );
    const rows = await w.db
      .update(students)
      .set({ earnedCredits: 165 })
      .where(inArray(students.studentNo, NOS))
      .returning({ id: students.id });
    await w.db.insert(studentPhotos).values(rows.map((r) => ({ studentId: r.id, width: 480, height: 640, bytes: 30_000 })));
    // 丁's GPA is already in the record (from the academic system's list): a blank cell must keep it.
    await (await w.as("registrar")).graduation.recordFacts({ items: [{ studentNo: "2022010204", gpa: 2.5 }] });
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "graduation-audit",
        key: "default",
        validFrom: "2025-2026",
        value: {
          maxStudyYears: { "05": 6, "06": 5, "15": 6 },
          photo: { width: 480, height: 640, minBytes: 1024, maxBytes: 102_400 },
          degree: {
            requireNoOutstandingFailures: true,
            maxYearsAfterLeaving: 2,
            conditions: [
              { key: "gpa", name: { "zh-CN": "平均学分绩点", en: "GPA" }, fact: "gpa", op: "min", value: 2 },
              {
                key: "discipline",
                name: { "zh-CN": "处分不重于严重警告", en: "No sanction above a serious warning" },
                fact: "discipline",
                op: "max",
                value: 2,
              },
            ],
          },
          certificate: { schoolName: "长江师范学院", schoolCode: "10647", presidentName: "张某某", schoolType: "1" },
        },
        reason: "学位授予条件：绩点 2.0，处分不重于严重警告",
      }),
    ).toMatchObject({ status: "published" });
  }, 60_000);
  afterAll(async () => {
    await w.database.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Each student's degree verdict and its reasons, by student number. */
  const degreeAudits = () =>
    w.db
      .select({ no: students.studentNo, degree: graduationAudits.degree, degreeReasons: graduationAudits.degreeReasons })
      .from(graduationAudits)
      .innerJoin(students, eq(students.id, graduationAudits.studentId))
      .orderBy(students.studentNo);

  /** The file as read by the task pane, sent by college A's secretary. */
  async function submitAsSecretary(file: string, clientId: string) {
    const { rows } = await readSheetGrid(file, { today: "2026-05-20" });
    return (await w.as("secretary-a")).sheets.submit({ clientId, termCode: "2025-2026-2", fileName: basename(file), grid: toWire(rows) });
  }

  /** The sheet as a college sends it: title row, the record's identity columns, and GPA/处分 typed every which way. */
  async function writeSheet(file: string, facts: Array<[gpa: string | number | null, discipline: string | null]>) {
    const record = await w.db.select().from(students).where(inArray(students.studentNo, NOS)).orderBy(students.studentNo);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("毕业生核对");
    ws.addRow(["2026届毕业生信息核对表"]);
    ws.addRow([
      "学号",
      "姓名",
      "性别",
      "出生日期",
      "身份证号",
      "专业名称",
      "层次",
      "学制",
      "学习形式",
      "入学日期",
      "毕业日期",
      "平均学分绩点",
      "处分",
    ]);
    record.forEach((s, i) => {
      const [gpa, discipline] = facts[i] ?? [null, null];
      ws.addRow([
        s.studentNo,
        s.name,
        s.gender === "1" ? "男" : "女",
        s.birthDate,
        s.idNumber,
        "计算机科学与技术",
        "本科",
        s.duration,
        "普通全日制",
        s.enrolmentDate,
        s.expectedGraduationDate,
        gpa,
        discipline,
      ]);
    });
    // Text cells stay text (a GPA typed as "1.85" is a string in the file, as secretaries leave it).
    ws.getColumn(12).eachCell((cell, row) => {
      if (row > 2 && typeof cell.value === "string") cell.numFmt = "@";
    });
    await wb.xlsx.writeFile(file);
  }

  it("checks the GPA column with localised issues, and refuses nothing good", async () => {
    const file = join(dir, "bad.xlsx");
    await writeSheet(file, [
      ["5.5", null],
      ["3.456", null],
      ["良好", null],
      [null, "批评"],
      [3, null],
    ]);
    const { rows } = await readSheetGrid(file, { today: "2026-05-20" });
    const secretary = await w.as("secretary-a");
    const checked = await secretary.sheets.validate({ termCode: "2025-2026-2", grid: toWire(rows) });
    expect(checked.kind).toBe("graduates");
    expect(checked.issues.map((i) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, "L", "number.out-of-range", "平均学分绩点 5.5 超出允许范围（0 至 5）。"],
      [4, "L", "gpa.decimals", "平均学分绩点 3.456 超过两位小数，请填写教务系统给出的绩点（如 3.25）。"],
      [5, "L", "number.invalid", "平均学分绩点“良好”不是有效的数字。"],
      [6, "M", "enum.unknown", expect.stringContaining("处分“批评”")],
    ]);
  });

  it("records the facts when the sheet is accepted, and the degree audit reads them (one below the threshold is refused with the reason)", async () => {
    const file = join(dir, "graduates.xlsx");
    await writeSheet(file, [
      [0.1 + 0.2 + 2.8, "无"], // a computed number cell: 3.0999999999999996 is the 3.1 it shows
      ["1.85", "0"], // a number typed as text; 处分 by its code
      ["３．２０", "留校察看"], // full-width digits and a sanction above the limit
      [null, "无处分"], // blank: the record's 2.5 stays
      [" 2.00 ", "无"], // exactly the threshold
    ]);
    const receipt = await submitAsSecretary(file, "graduates-2026-gpa");
    expect(receipt).toMatchObject({ kind: "graduates", errors: 0, rows: 5 });
    // Nothing is recorded before the registrar accepts.
    expect((await w.db.select({ gpa: students.gpa }).from(students).where(eq(students.studentNo, "2022010202")))[0]?.gpa).toBeNull();
    const registrar = await w.as("registrar");
    expect(await registrar.sheets.review({ submissionId: receipt.submissionId, decision: "accept" })).toMatchObject({
      state: "accepted",
      recordsUpdated: 5,
    });
    const record = await w.db
      .select({ no: students.studentNo, gpa: students.gpa, facts: students.facts })
      .from(students)
      .where(inArray(students.studentNo, NOS))
      .orderBy(students.studentNo);
    expect(record.map((r) => [r.gpa, (r.facts as Record<string, unknown>).discipline])).toEqual([
      [3.1, "0"],
      [1.85, "0"],
      [3.2, "4"],
      [2.5, "0"],
      [2, "0"],
    ]);
    // One path, audited: the same event as the registrar's list, naming the sheet it came from.
    const [event] = await w.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "graduation.facts"), eq(auditEvents.entityId, "5")));
    expect(event?.after).toMatchObject({
      students: expect.arrayContaining(NOS),
      keys: ["gpa", "discipline"],
      source: receipt.submissionId,
    });

    expect(await registrar.graduation.run({ cohort: 2026 })).toMatchObject({ audited: 5, graduate: 5 });
    const audits = await degreeAudits();
    expect(audits.map((a) => a.degree)).toEqual(["award", "withhold", "withhold", "award", "award"]);
    const reasons = (no: string) => (audits.find((a) => a.no === no)?.degreeReasons ?? []) as AuditReason[];
    expect(reasons("2022010202")).toEqual([
      {
        code: "degree-condition",
        condition: "gpa",
        fact: "gpa",
        actual: "1.85",
        required: "≥2",
        name: { "zh-CN": "平均学分绩点", en: "GPA" },
      },
    ]);
    expect(reasons("2022010202").map((r) => graduationReasonText(r, "zh-CN"))).toEqual(["学位条件“平均学分绩点”未满足：为 1.85，要求 ≥2"]);
    expect(reasons("2022010202").map((r) => graduationReasonText(r, "en"))).toEqual(["Degree condition “GPA” not met: 1.85, required ≥2"]);
    expect(reasons("2022010203").map((r) => graduationReasonText(r, "zh-CN"))).toEqual([
      "学位条件“处分不重于严重警告”未满足：为 留校察看，要求 ≤严重警告",
    ]);
  });

  it("reads a blank 处分 cell as 无 where the record holds none, and never lets 无 erase a recorded sanction — one audit event for the sheet", async () => {
    // 甲 and 丁 have a 记过 recorded (the registrar's list from 学工处); 乙 has none; 丙's is unknown (null).
    const set = (no: string, facts: Record<string, unknown>) => w.db.update(students).set({ facts }).where(eq(students.studentNo, no));
    await set("2022010201", { discipline: "3" });
    await set("2022010202", {});
    await set("2022010203", { discipline: null });
    await set("2022010204", { discipline: "3" });
    await set("2022010205", {});
    const file = join(dir, "graduates-blank.xlsx");
    // Only 戊's sanction is written in; everyone else's 处分 cell is left empty, as secretaries do — except 丁's 无.
    await writeSheet(file, [
      ["3.1", null],
      ["2.8", null],
      ["3.2", null],
      ["2.5", "无"],
      ["2.9", "警告"],
    ]);
    const receipt = await submitAsSecretary(file, "graduates-2026-blank-discipline");
    expect(receipt).toMatchObject({ kind: "graduates", errors: 0, rows: 5 });
    const registrar = await w.as("registrar");
    await registrar.sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
    const record = await w.db
      .select({ facts: students.facts })
      .from(students)
      .where(inArray(students.studentNo, NOS))
      .orderBy(students.studentNo);
    expect(record.map((r) => (r.facts as Record<string, unknown>).discipline)).toEqual(["3", "0", "0", "3", "1"]);
    // One event for the sheet, naming it.
    const events = await w.db.select().from(auditEvents).where(eq(auditEvents.action, "graduation.facts"));
    expect(events.filter((e) => (e.after as { source?: string }).source === receipt.submissionId)).toHaveLength(1);

    await registrar.graduation.run({ cohort: 2026 });
    const audits = await degreeAudits();
    // The blanks do not withhold anyone's degree; the recorded 记过 still does.
    expect(audits.map((a) => a.degree)).toEqual(["withhold", "award", "award", "withhold", "award"]);
    expect(((audits[0]?.degreeReasons ?? []) as AuditReason[]).map((r) => graduationReasonText(r, "zh-CN"))).toEqual([
      "学位条件“处分不重于严重警告”未满足：为 记过，要求 ≤严重警告",
    ]);
  });
});
