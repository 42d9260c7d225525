import type { Cell } from "../cell";
import { type FieldResult, fieldIssue } from "../issues";
import { compactText } from "../text/normalise";

/**
 * 学期 in the forms registrars use: `2025-2026-1` (正方 style) and `2025-2026学年第一学期`,
 * with variants (第1学期, 秋季学期/春季学期, 上/下学期, 2025-2026(1)). 1 is autumn, 2 spring,
 * 3 a summer term where a school has one.
 */
export interface Term {
  /** Canonical form, e.g. 2025-2026-1. */
  code: string;
  academicYear: string;
  startYear: number;
  semester: 1 | 2 | 3;
}

const SEMESTER_WORDS: Readonly<Record<string, 1 | 2 | 3>> = {
  "1": 1,
  一: 1,
  上: 1,
  秋: 1,
  秋季: 1,
  "2": 2,
  二: 2,
  下: 2,
  春: 2,
  春季: 2,
  "3": 3,
  三: 3,
  夏: 3,
  夏季: 3,
  小: 3,
};

const FORMS = [
  /^(\d{4})-(\d{4})-([123])$/,
  /^(\d{4})-(\d{4})学年(?:度)?(?:第)?([一二三123上下秋春夏小]|秋季|春季|夏季)(?:学期)?$/,
  /^(\d{4})-(\d{4})\(([123])\)$/,
];

export function termOf(startYear: number, semester: 1 | 2 | 3): Term {
  const academicYear = `${startYear}-${startYear + 1}`;
  return { code: `${academicYear}-${semester}`, academicYear, startYear, semester };
}

export function parseTerm(cell: Cell): FieldResult<Term> {
  const raw = String(cell.value ?? "");
  const text = compactText(raw)
    .replace(/[—–－~～至]/g, "-")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
  for (const form of FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const start = Number(m[1]);
    if (Number(m[2]) !== start + 1) return { value: null, issues: [fieldIssue("term.years", { value: raw })] };
    const semester = SEMESTER_WORDS[m[3] as string];
    if (semester) return { value: termOf(start, semester), issues: [] };
  }
  return { value: null, issues: [fieldIssue("term.unrecognised", { value: raw })] };
}
