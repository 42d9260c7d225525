import { describe, expect, it } from "vitest";
import { problemsByCell } from "./issues";

describe("problems grouped by cell", () => {
  it("keeps each cell's worst severity and every message in order, and leaves out sheet-wide problems", () => {
    const cells = problemsByCell([
      { row: 5, column: "B", severity: "info", message: "可能是旧名称" },
      { row: 5, column: "B", severity: "error", message: "身份证号校验位不对" },
      { row: null, column: null, severity: "error", message: "缺少“学号”列" },
      { row: 6, column: "C", severity: "warning", message: "日期超出学制" },
      { row: 5, column: "B", severity: "warning", message: "与学籍不一致" },
    ]);
    expect([...cells]).toEqual([
      ["B5", { severity: "error", messages: ["可能是旧名称", "身份证号校验位不对", "与学籍不一致"] }],
      ["C6", { severity: "warning", messages: ["日期超出学制"] }],
    ]);
  });
});
