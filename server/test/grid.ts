import { type Cell, numberCell, textCell } from "@xueji/shared";

/** A grid as the add-in would send it; row 1 is the first array. */
export function gridOf(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): Array<{ row: number; cells: Array<Cell | null> }> {
  return rows.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => (c === null ? null : typeof c === "number" ? numberCell(c) : textCell(c))),
  }));
}

export const FAILED_HEADER = ["学号", "姓名", "学期", "课程代码", "课程名称", "学分", "成绩", "考核类型"];

/** Failed-course rows that add up to `credits` for a student in a term, in courses of at most 6 credits. */
export function failedRows(studentNo: string, name: string, term: string, credits: number): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  let left = credits;
  let n = 1;
  while (left > 0) {
    const c = Math.min(6, left);
    rows.push([studentNo, name, term, `C${term.slice(-1)}${String(n).padStart(3, "0")}`, `课程${n}`, c, 40, "正考"]);
    left -= c;
    n++;
  }
  return rows;
}
