import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_TEMPLATES, SHEET_KINDS, SHEET_LABELS, type SheetKind } from "@xueji/shared";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { validateFile } from "../validate/validate-file";
import { type NewSheetSpec, newSheetWorkbook } from "./new-sheet-xlsx";
import { readSheetGrid } from "./read-sheet-grid";

const TODAY = "2026-09-20";
const dir = mkdtempSync(join(tmpdir(), "xueji-new-sheet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A plausible value per field, as the pane fills a row from the record or the secretary types one.
const SAMPLE: Record<string, string | number> = {
  studentNo: "2025010001",
  name: "张三",
  idNumber: "11010519491231002X",
  gender: "女",
  birthDate: "1949-12-31",
  ethnicity: "汉族",
  majorName: "英语",
  level: "本科",
  registrationStatus: "已注册",
  term: "2025-2026-2",
  courseName: "高等数学",
  credits: 4,
  reason: "休学期满未复学",
};

/** The sheet the pane's 新建核对表 describes for a kind (its headers, its title row, one filled row). */
function specFor(kind: SheetKind, options: { title?: boolean } = {}): NewSheetSpec {
  const columns = DEFAULT_TEMPLATES[kind].columns;
  return {
    name: SHEET_LABELS[kind]["zh-CN"],
    ...(options.title === false ? {} : { title: SHEET_LABELS[kind]["zh-CN"] }),
    headers: columns.map((c) => c.header),
    textColumns: columns.flatMap((c, i) => (c.field === "studentNo" || c.field === "idNumber" ? [i] : [])),
    rows: [columns.map((c) => SAMPLE[c.field] ?? null)],
    dropdowns: [],
    spareRows: 5,
  };
}

async function written(name: string, spec: NewSheetSpec): Promise<string> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, await newSheetWorkbook(spec));
  return file;
}

describe("a template from 新建核对表 comes back as its own kind", () => {
  it.each(SHEET_KINDS)("%s: in file mode and in `xueji validate`", async (kind) => {
    const file = await written(`${kind}`, specFor(kind));
    const grid = await readSheetGrid(file, { today: TODAY });
    expect(grid.local.kind).toBe(kind);
    expect(grid.local.headerRow).toBe(2);
    expect(grid.local.dataRows).toBe(1);
    const { report } = await validateFile(file, { today: TODAY });
    expect(report.kind).toBe(kind);
  });

  it("the returning roster's columns alone (no title, worksheet renamed) still read as the returning roster", async () => {
    const file = await written("returning-bare", { ...specFor("roster-returning", { title: false }), name: "Sheet1" });
    const grid = await readSheetGrid(file, { today: TODAY });
    expect(grid.local.kind).toBe("roster-returning");
    // 民族 and 层次 filled from the record: the row has no errors of its own.
    expect(grid.local.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("the title row survives the user renaming the worksheet; the worksheet's name counts when there is no title", async () => {
    const renamed = await written("renamed", { ...specFor("roster-returning"), name: "Sheet1" });
    expect((await readSheetGrid(renamed, { today: TODAY })).local.kind).toBe("roster-returning");
    // A new-student roster's columns under a sheet named after the returning roster: the name decides.
    const named = await written("named", { ...specFor("roster-new", { title: false }), name: "在校生学年注册表" });
    expect((await readSheetGrid(named, { today: TODAY })).local.kind).toBe("roster-returning");
  });

  it("a new-student roster with 注册状态 and its own columns (考生号) stays a new-student roster", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(["学号", "考生号", "姓名", "性别", "出生日期", "身份证号", "民族", "专业名称", "层次", "注册状态"]);
    sheet.addRow(["2026010001", "26110101150001", "李四", "男", "1949-12-31", "11010519491231002X", "汉族", "英语", "本科", "已注册"]);
    const file = join(dir, "new-with-status.xlsx");
    await workbook.xlsx.writeFile(file);
    expect((await readSheetGrid(file, { today: TODAY })).local.kind).toBe("roster-new");
  });
});
