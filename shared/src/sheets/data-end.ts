import { type Cell, cellText, isBlankCell } from "../cell";

// A footer or note row: signatures, dates, remarks, totals (docs/domain.md §4: signature footer).
export const FOOTER =
  /签字|签名|签章|盖章|负责人|制表|填表|审核人|核对人|经办人|联系电话|日期[:：]|^注[:：]|说明[:：]|^备注|合计|总计|共计/;
// A row that ends the data: a total (合计 … 48人) or the signatures under the table. Nothing below is a student.
const TOTALS = /^(合计|总计|共计|小计)/;
const SIGNATURES = /填表人|审核人|制表人|制表|审核[:：]/;

/**
 * The totals or signature row that ends a sheet's data (学信网's sheets: 合计/总计 … 48人, 填表人、审核人), if
 * `cells` is one: its words (at most 40 characters), else null. `keyColumns`: where the 学号 and 身份证号
 * stand — a value there that is not the ending words themselves makes it a student's row. The check sheets
 * and the record's imports end their data by this one rule.
 */
export function dataEndingText(cells: readonly (Cell | null | undefined)[], keyColumns: readonly number[]): string | null {
  // The first non-blank text if it is a total, else the first text that is a signature; asked of every row
  // of a 50,000-row sheet, so without building arrays or strings.
  let seenText = false;
  let ending: string | undefined;
  for (const c of cells) {
    if (!c || c.value === null) continue;
    const value = c.value;
    // A number or true/false shows as digits or a word, never blank, a total or a signature: it is only the first text.
    if (typeof value !== "string") {
      seenText = true;
      continue;
    }
    if (!seenText) {
      const t = value.trim();
      if (t === "") continue;
      seenText = true;
      if (TOTALS.test(t) || SIGNATURES.test(t)) {
        ending = t;
        break;
      }
      continue;
    }
    // Every signature word has 表 or 审, and none has a space: most cells are settled without the expression.
    if ((value.includes("表") || value.includes("审")) && SIGNATURES.test(value)) {
      ending = value.trim();
      break;
    }
  }
  if (!ending) return null;
  const keyed = keyColumns.some((i) => !isBlankCell(cells[i]) && !FOOTER.test(cellText(cells[i])));
  return keyed ? null : ending.slice(0, 40);
}
