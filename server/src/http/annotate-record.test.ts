import type { GridRow } from "@xueji/shared";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../test/world";
import { bytesOf, callFiles, formOf, gridOf } from "../files/testing/file-calls";
import type { ValidationReport } from "../validate/validate-file";

const TERM = "2026-2027-1";

describe("the annotated copy carries the record's issues the pane shows (files.annotate with the term)", () => {
  let w: World;
  let base: string;
  let close: () => void;
  let auth: Record<string, string>;
  beforeAll(async () => {
    w = await makeWorld("pglite");
    ({ base, close } = await w.serve());
    auth = { authorization: `Bearer ${w.tokens.get("secretary-a")}` };
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025020001", name: "李四", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
  }, 60_000);
  afterAll(async () => {
    close();
    await w.database.close();
  });

  it("lists and marks 学号不在学籍库 (another college's student reads the same) as sheets.validate does, not only the sheet's own issues", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("在校生");
    sheet.addRow(["学号", "姓名", "注册状态"]);
    sheet.addRow(["2025010001", "张三", "已注册"]);
    sheet.addRow(["2099010001", "王五", "已注册"]);
    sheet.addRow(["2025020001", "李四", "已注册"]);
    sheet.addRow(["2025010001", "张三", "休学"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const post = <T>(action: string, term?: string) =>
      callFiles<T>(base, action, formOf({ file: bytes, name: "名单.xlsx", ...(term ? { term } : {}) }), auth);

    const { grid } = gridOf<{ report: ValidationReport; grid: GridRow[] }>((await post<{ base64: string }>("grid")).data);
    const verdict = await (await w.as("secretary-a")).sheets.validate({ termCode: TERM, grid: grid as never });
    const recordIssues = verdict.issues.filter((i) => i.code.startsWith("record."));
    // Another college's 学号 reads exactly like an unknown one: a secretary cannot map the school by asking.
    expect(recordIssues.map((i) => i.code).sort()).toEqual(["record.unknown-student", "record.unknown-student"]);

    const res = await post<{ base64: string }>("annotate", TERM);
    expect(res.status).toBe(200);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(bytesOf(res.data));
    const marked = copy.getWorksheet("在校生") as ExcelJS.Worksheet;
    expect(marked.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(String(marked.getCell("A3").note)).toContain("在学籍库中不存在");
    expect(String(marked.getCell("A4").note)).toContain("在学籍库中不存在");
    expect(String(marked.getCell("A4").note)).not.toContain("外国语学院");
    // The 检查结果 sheet lists exactly what the pane lists: every message of the server's verdict.
    const results = copy.getWorksheet("检查结果") as ExcelJS.Worksheet;
    const listed: string[] = [];
    results.eachRow((row, n) => {
      if (n > 1) listed.push(String(row.getCell(5).value));
    });
    expect(listed.sort()).toEqual(verdict.issues.map((i) => i.message).sort());

    // Without a term (an older pane) the copy still has the sheet's own issues.
    const plain = await post("annotate");
    expect(plain.status).toBe(200);
  });

  it("refuses a term that is not one, in the reader's words", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("在校生").addRow(["学号", "姓名", "注册状态"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await callFiles(base, "annotate", formOf({ file: bytes, name: "a.xlsx", term: "2026" }), auth);
    expect(res).toMatchObject({ status: 400, appCode: "input.invalid" });
    expect(res.message).toContain("term");
  });
});
