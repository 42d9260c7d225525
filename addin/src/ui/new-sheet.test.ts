import { DEFAULT_TEMPLATES } from "@xueji/shared";
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
});
