import type { Cell } from "../cell";
import { type FieldIssue, type FieldResult, fieldIssue } from "../issues";
import { compactText } from "../text/normalise";

/**
 * Numbers that are really codes: 学号, 考生号 (14 digits), 专业代码 (6 digits, with an optional
 * letter suffix such as 080910T). Typed into a number cell they lose their leading zeros, and
 * past 15 digits their tail; both are detected from the cell's type and the template's length.
 */
export interface IdentifierOptions {
  /** The label used in messages, e.g. 学号. */
  label: string;
  /** Fixed number of digits, when the template sets one. */
  length?: number;
  /** Letters allowed after the digits (专业代码: T, K, TK, H …). */
  letterSuffix?: boolean;
  /** Letters allowed anywhere (some schools' 学号 carry a letter). */
  letters?: boolean;
}

export function parseIdentifier(cell: Cell, options: IdentifierOptions): FieldResult<string> {
  const { label, length } = options;
  const issues: FieldIssue[] = [];

  if (cell.type === "number" && typeof cell.value === "number") {
    const n = cell.value;
    if (Math.abs(n) >= 1e15) {
      const shown = n
        .toExponential(5)
        .replace(/\.?0+e/, "e")
        .replace("e+", "E+");
      return { value: null, issues: [fieldIssue("code.precision-lost", { label, shown })] };
    }
    const digits = String(Math.trunc(n));
    if (length !== undefined && digits.length < length) {
      const suggestion = digits.padStart(length, "0");
      return {
        value: suggestion,
        issues: [fieldIssue("code.leading-zeros-lost", { label, value: digits, length, suggestion }, suggestion)],
      };
    }
    return check(digits, options, issues);
  }

  const raw = String(cell.value ?? "");
  const value = compactText(raw).toUpperCase();
  if (value !== raw) issues.push(fieldIssue("code.normalised", { label, value }, value));
  return check(value, options, issues);
}

function check(value: string, options: IdentifierOptions, issues: FieldIssue[]): FieldResult<string> {
  const { label, length, letterSuffix, letters } = options;
  const pattern = letters ? /^[0-9A-Z-]+$/ : letterSuffix ? /^\d+[A-Z]{0,2}$/ : /^\d+$/;
  if (!pattern.test(value)) {
    issues.push(fieldIssue("code.characters", { label, value }));
    return { value: null, issues };
  }
  const digitCount = letterSuffix ? value.replace(/[A-Z]+$/, "").length : value.length;
  if (length !== undefined && digitCount !== length) {
    issues.push(fieldIssue("code.length", { label, value, length, actual: digitCount }));
  }
  return { value, issues };
}
