import { describe, expect, it } from "vitest";
import type { Reference } from "../../api/reference";
import { i18n } from "../../i18n";
import { fieldLabelOf, valueLabelOf } from "./value-label";

const REFERENCE = {
  colleges: [{ id: 3, code: "03", name: "信息工程学院" }],
  majors: [{ id: 7, code: "080901", name: "计算机科学与技术", collegeId: 3, level: "本科", retired: false }],
} as unknown as Reference;
const CLASSES = [
  { id: 6, name: "计科2402" },
  { id: 7, name: "计科2501" },
];

describe("a changed field and its values, as the history and the notice read them", () => {
  const t = i18n.getFixedT("zh-CN");
  const value = valueLabelOf(t, REFERENCE, "zh-CN", CLASSES);
  const field = fieldLabelOf(t, "zh-CN");

  it("names what the record holds by id or code: class, major, college, status, a national code table", () => {
    expect([value("classId", 6), value("classId", 7)]).toEqual(["计科2402", "计科2501"]);
    expect(value("majorId", 7)).toBe("计算机科学与技术");
    expect(value("collegeId", 3)).toBe("信息工程学院");
    expect(value("status", "suspended")).toBe("休学");
    expect(value("ethnicity", "01")).toBe("汉族");
    expect(value("politicalStatus", "03")).toBe("共青团员");
  });

  it("writes days and numbers as the reader does, and an empty value as a dash", () => {
    expect(value("expectedGraduationDate", "2028-06-30")).toBe("2028/06/30");
    expect(value("gpa", 3.25)).toBe("3.25");
    expect(value("grade", 2024)).toBe("2024");
    expect(value("classId", null)).toBe("—");
  });

  it("names every field the record's history has, none by its code", () => {
    for (const key of [
      "classId",
      "expectedGraduationDate",
      "created",
      "earnedCredits",
      "gpa",
      "politicalStatus",
      "className",
      "replacementPaper",
    ])
      expect(field(key), key).toMatch(/[\u4e00-\u9fff]/);
  });
});
