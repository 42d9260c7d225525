import type { Cell } from "../cell";
import { type FieldResult, fieldIssue } from "../issues";
import { compactText } from "../text/normalise";
import { readNumber } from "./number";

/**
 * 成绩: a mark out of 100, a five-level grade, a two-level grade, or a special mark.
 * `passed` is null when the mark says nothing about passing (免修 exempts, 缓考 defers).
 */
export interface Score {
  kind: "mark" | "grade" | "special";
  /** The mark, or the grade's conventional equivalent (优秀 95 … 不及格 below 60). */
  mark: number | null;
  label: string;
  passed: boolean | null;
}

const PASS_MARK = 60;

const WORDS: ReadonlyArray<readonly [Score["kind"], string, number | null, boolean | null, ...string[]]> = [
  ["grade", "优秀", 95, true, "优", "a"],
  ["grade", "良好", 85, true, "良", "b"],
  ["grade", "中等", 75, true, "中", "c"],
  ["grade", "及格", 65, true, "d", "合格", "通过", "pass", "p"],
  ["grade", "不及格", 0, false, "不合格", "不通过", "e", "f", "fail"],
  ["special", "缺考", 0, false, "缺", "旷考", "absent"],
  ["special", "作弊", 0, false, "舞弊"],
  ["special", "违纪", 0, false],
  ["special", "取消资格", 0, false, "取消考试资格", "取消"],
  ["special", "免修", null, null, "免考"],
  ["special", "缓考", null, null, "缓"],
];

const BY_WORD = new Map<string, Score>();
for (const [kind, label, mark, passed, ...aliases] of WORDS) {
  for (const word of [label, ...aliases]) BY_WORD.set(word.toLowerCase(), { kind, mark, label, passed });
}

export function parseScore(cell: Cell): FieldResult<Score> {
  const n = readNumber(cell);
  if (n !== null) {
    if (n < 0 || n > 100) {
      return { value: null, issues: [fieldIssue("number.out-of-range", { label: "score", value: n, min: 0, max: 100 })] };
    }
    return { value: { kind: "mark", mark: n, label: String(n), passed: n >= PASS_MARK }, issues: [] };
  }
  const text = compactText(String(cell.value ?? "")).toLowerCase();
  const word = BY_WORD.get(text);
  if (word) return { value: word, issues: [] };
  return { value: null, issues: [fieldIssue("score.unrecognised", { value: String(cell.value ?? "") })] };
}
