import { DEFAULT_TEMPLATES, EMPTY_CELL, numberCell, readSheet, textCell } from "@xueji/shared";
import { describe, expect, it } from "vitest";
import { sheetFromTemplate } from "./NewSheetPage";

describe("a new sheet from a template", () => {
  it("fills the returning roster from the record, with ID columns as text and dropdowns from the code tables", () => {
    const students = [
      {
        studentNo: "0120230001",
        name: "张三",
        idNumber: "11010519491231002X",
        gender: "1",
        birthDate: "2005-01-02",
        majorName: "英语",
        collegeName: "外国语学院",
        level: "05",
        ethnicity: "01",
      },
    ];
    const sheet = sheetFromTemplate("roster-returning", students, "在校生学年注册表");
    const template = DEFAULT_TEMPLATES["roster-returning"];
    expect(sheet.headers).toEqual(template.columns.map((c) => c.header));
    const at = (field: string) => template.columns.findIndex((c) => c.field === field);
    expect(sheet.textColumns).toContain(at("studentNo"));
    expect(sheet.textColumns).toContain(at("idNumber"));
    const row = sheet.rows[0] as Array<string | null>;
    expect(row[at("studentNo")]).toBe("0120230001");
    expect(row[at("idNumber")]).toBe("11010519491231002X");
    expect(row[at("gender")]).toBe("男");
    // 层次 and 民族 are required on the new-student roster the reader weighs against: left blank they read as 2,952 errors.
    expect(row[at("level")]).toBe("本科");
    expect(row[at("ethnicity")]).toBe("汉族");
    // The title row names the kind for the reader when the file comes back, in the registrar's words.
    expect(sheet.title).toBe("在校生学年电子注册信息核对表");
    // 注册状态 is left for the secretary to fill, from a dropdown.
    expect(row[at("registrationStatus")]).toBeNull();
    expect(sheet.dropdowns.find((d) => d.column === at("registrationStatus"))?.values).toContain("已注册");
    // Excel caps a list validation's source at 255 characters; every list given stays under it.
    expect(sheet.dropdowns.find((d) => d.column === at("ethnicity"))?.values).toContain("汉族");
    for (const d of sheet.dropdowns) expect(d.values.join(",").length).toBeLessThanOrEqual(255);
  });

  it("fills the failed-course sheet from the imported results, and the shared reader reads it back without errors", () => {
    const failed = [
      {
        studentNo: "2023010002",
        name: "李四",
        majorName: "计算机科学与技术",
        term: "2025-2026-1",
        courseCode: "C003",
        courseName: "数据结构",
        credits: 3,
        nature: "major-required",
        score: "45",
        examType: "makeup",
      },
    ];
    const sheet = sheetFromTemplate("failed-courses", failed, "不及格课程信息核对表");
    const template = DEFAULT_TEMPLATES["failed-courses"];
    const at = (field: string) => template.columns.findIndex((c) => c.field === field);
    const row = sheet.rows[0] as Array<string | number | null>;
    expect(row[at("courseName")]).toBe("数据结构");
    expect(row[at("credits")]).toBe(3);
    expect(row[at("courseNature")]).toBe("专业必修课");
    expect(row[at("examType")]).toBe("补考");
    const grid = [sheet.headers, ...sheet.rows].map((cells, r) => ({
      row: r + 1,
      cells: cells.map((v) => (v === null ? EMPTY_CELL : typeof v === "number" ? numberCell(v) : textCell(v))),
    }));
    const read = readSheet(grid, { today: "2026-03-02", kind: "failed-courses" });
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
