import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cell, cellText, isBlankCell } from "../cell";
import { dataEndingText, FOOTER } from "./data-end";

// The rule as docs/domain.md §4 states it, each cell's text trimmed and tested in full: the reader's
// shortcuts (numbers skipped, 表/审 looked for first) must end the data at exactly the same rows.
function endingByHand(cells: readonly (Cell | null | undefined)[], keyColumns: readonly number[]): string | null {
  const texts = cells.map((c) => cellText(c).trim()).filter((t) => t !== "");
  const first = texts[0];
  const ending =
    first !== undefined && /^(合计|总计|共计|小计)/.test(first) ? first : texts.find((t) => /填表人|审核人|制表人|制表|审核[:：]/.test(t));
  if (!ending) return null;
  const keyed = keyColumns.some((i) => !isBlankCell(cells[i]) && !FOOTER.test(cellText(cells[i])));
  return keyed ? null : ending.slice(0, 40);
}

const words = fc.constantFrom(
  "合计",
  "总计 48人",
  " 小计",
  "填表人：王",
  "审核人",
  "审核:",
  "审核",
  "制表",
  "表格",
  "审定",
  "张三",
  "",
  "  ",
  "\u3000",
);
const cell: fc.Arbitrary<Cell | null | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant<Cell>({ value: null, type: "empty" }),
  words.map((w): Cell => ({ value: w, type: "string" })),
  fc.tuple(words, words).map(([a, b]): Cell => ({ value: `${a} ${b}`, type: "string" })),
  fc.double().map((n): Cell => ({ value: n, type: "number" })),
  fc.boolean().map((b): Cell => ({ value: b, type: "boolean" })),
);

describe("where the data ends", () => {
  it("finds the same totals and signature rows as the rule read cell by cell", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), fc.array(fc.nat(7), { maxLength: 2 }), (cells, keys) => {
        expect(dataEndingText(cells, keys)).toBe(endingByHand(cells, keys));
      }),
      { numRuns: 5000 },
    );
  });

  it("ends at 合计 first, at a signature anywhere, and not at a student's row", () => {
    const text = (...values: Array<string | number>) =>
      values.map((v): Cell => ({ value: v, type: typeof v === "number" ? "number" : "string" }));
    expect(dataEndingText(text("合计", "48人"), [])).toBe("合计");
    expect(dataEndingText(text(2026001, " 填表人：王老师 "), [])).toBe("填表人：王老师");
    expect(dataEndingText(text("2026001", "张三", "审核人"), [0])).toBeNull();
    expect(dataEndingText(text("张三", "报表"), [])).toBeNull();
  });
});
