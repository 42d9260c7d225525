import type { Cell } from "../cell";
import { type FieldIssue, type FieldResult, fieldIssue } from "../issues";
import { compactText } from "../text/normalise";

export interface NumberOptions {
  label: string;
  min: number;
  max: number;
  /** Accepted units after the number, e.g. 学分 or 年. */
  unit?: string;
}

const CHINESE_NUMERALS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** Reads a number from a number cell or from text like “3.5”, “３．５学分”, “四年”, “4.0”. */
export function readNumber(cell: Cell, unit?: string): number | null {
  if (cell.type === "number" && typeof cell.value === "number") return cell.value;
  let text = compactText(String(cell.value ?? "")).replace(/。/g, ".");
  if (unit && text.endsWith(unit)) text = text.slice(0, -unit.length);
  if (/^[一二两三四五六七八九十]半?$/.test(text)) {
    return (CHINESE_NUMERALS[text[0] as string] as number) + (text.endsWith("半") ? 0.5 : 0);
  }
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

export function parseNumber(cell: Cell, options: NumberOptions): FieldResult<number> {
  const { label, min, max, unit } = options;
  const issues: FieldIssue[] = [];
  const n = readNumber(cell, unit);
  if (n === null || !Number.isFinite(n)) {
    issues.push(fieldIssue("number.invalid", { label, value: String(cell.value ?? "") }));
    return { value: null, issues };
  }
  if (n < min || n > max) issues.push(fieldIssue("number.out-of-range", { label, value: n, min, max }));
  return { value: n, issues };
}

/** 学分: positive, at most 30, in half credits (docs/domain.md §3: credits come in halves). */
export function parseCredits(cell: Cell): FieldResult<number> {
  const result = parseNumber(cell, { label: "credits", min: 0.5, max: 30, unit: "学分" });
  if (result.value !== null && !Number.isInteger(result.value * 2)) {
    result.issues.push(fieldIssue("credits.half-step", { value: result.value }));
  }
  return result;
}

/**
 * 平均学分绩点 as the academic system reports it: 0 to 5 (the 4- and 5-point scales both fit), at
 * most two decimals. A number cell's binary noise (3.4499999999999997) is the 3.45 it shows; a third
 * decimal is a figure the system does not give, so it is refused rather than rounded for the secretary.
 */
export function parseGpa(cell: Cell): FieldResult<number> {
  const result = parseNumber(cell, { label: "gpa", min: 0, max: 5 });
  if (result.value === null || result.issues.length) return result;
  const hundredths = result.value * 100;
  if (Math.abs(hundredths - Math.round(hundredths)) > 1e-6) {
    return { value: null, issues: [fieldIssue("gpa.decimals", { value: result.value })] };
  }
  return { value: Math.round(hundredths) / 100, issues: [] };
}

/** 学制: 1.5 to 8 years (docs/domain.md §7, XZ). */
export function parseDuration(cell: Cell): FieldResult<number> {
  const result = parseNumber(cell, { label: "duration", min: 1.5, max: 8, unit: "年" });
  if (result.value !== null && !Number.isInteger(result.value * 2)) {
    result.issues.push(fieldIssue("number.out-of-range", { label: "duration", value: result.value, min: 1.5, max: 8 }));
  }
  return result;
}
