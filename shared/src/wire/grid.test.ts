import { describe, expect, it } from "vitest";
import { MAX_CELL_TEXT } from "../cell";
import { toWire } from "../sheets/wire-grid";
import { columnOverrideSchema } from "./column-override";
import { gridSchema } from "./grid";

describe("the grid as it crosses the wire", () => {
  it("takes every kind of cell a reader hands over, as toWire sends it", () => {
    const grid = toWire([
      {
        row: 3,
        cells: [
          { value: "张三", type: "string" },
          undefined,
          { value: 46_023, type: "number", format: "yyyy/m/d" },
          { value: true, type: "boolean" },
          { value: "#N/A", type: "error" },
          { value: "李四", type: "string", formula: true },
          { value: null, type: "empty" },
          { value: "x".repeat(MAX_CELL_TEXT), type: "string" },
        ],
      },
    ]);
    expect(gridSchema.parse(grid)).toEqual(grid);
  });

  it("refuses what no reader sends: a key the domain does not know, text past Excel's cell, NUL, a lone surrogate, a row 0", () => {
    const row = (cell: unknown, at = 1) => [{ row: at, cells: [cell] }];
    const problems = [
      row({ value: "a", type: "string", richText: [] }),
      row({ value: "x".repeat(MAX_CELL_TEXT + 1), type: "string" }),
      row({ value: "a\u0000b", type: "string" }),
      row({ value: "\uD800", type: "string" }),
      row({ value: Number.NaN, type: "number" }),
      row({ value: "a", type: "date" }),
      row({ value: "a", type: "string" }, 0),
    ].map((grid) => gridSchema.safeParse(grid).error?.issues[0]?.code);
    expect(problems).toEqual(["unrecognized_keys", "too_big", "custom", "custom", "invalid_union", "invalid_value", "too_small"]);
  });
});

describe("the column override as it crosses the wire", () => {
  it("reads letters to fields, null for a column not checked", () => {
    expect(columnOverrideSchema.parse({ B: "idNumber", C: null })).toEqual({ B: "idNumber", C: null });
  });

  it("names the column and its problem: a letter past XFD, a field the reader does not know, a field given twice", () => {
    const issues = (value: unknown) =>
      columnOverrideSchema
        .safeParse(value)
        .error?.issues.map((i) => [i.path.join("."), (i as { params?: { problem?: string } }).params?.problem]);
    expect(issues({ XFE: "name" })).toEqual([["XFE", "column-letter"]]);
    expect(issues({ E: "shoeSize" })).toEqual([["E", "column-field"]]);
    expect(issues({ B: "name", C: "name" })).toEqual([["C", "column-duplicate"]]);
  });
});
