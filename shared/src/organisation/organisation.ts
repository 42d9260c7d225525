import { academicYearOf } from "../calendar/working-days";
import { codeTable, entryByCode } from "../codes/table";
import { isValidYmd } from "../fields/calendar-date";
import type { ErrorCode } from "../messages/errors";
import type { Locale } from "../messages/locale";

/**
 * The university's organisation and calendar (学校、学院、专业、班级、学期) as the registrar keeps them:
 * the checks a record must pass, the same for a dialog and an imported sheet row.
 */
export type OrgEntity = "school" | "college" | "major" | "class" | "term";

export const ORG_ENTITY_LABELS: Readonly<Record<OrgEntity, Record<Locale, string>>> = {
  school: { "zh-CN": "学校", en: "School" },
  college: { "zh-CN": "学院", en: "College" },
  major: { "zh-CN": "专业", en: "Major" },
  class: { "zh-CN": "班级", en: "Class" },
  term: { "zh-CN": "学期", en: "Term" },
};

// 学位门类 of 本科 majors: the 学科门类 of 《学位授予和人才培养学科目录》 (02 is 经济学 … 14 交叉学科).
export const DEGREE_CATEGORY = codeTable("degreeCategory", "学位授予和人才培养学科目录 学科门类", [
  ["01", "哲学", "哲学学士"],
  ["02", "经济学", "经济学学士"],
  ["03", "法学", "法学学士"],
  ["04", "教育学", "教育学学士"],
  ["05", "文学", "文学学士"],
  ["06", "历史学", "历史学学士"],
  ["07", "理学", "理学学士"],
  ["08", "工学", "工学学士"],
  ["09", "农学", "农学学士"],
  ["10", "医学", "医学学士"],
  ["11", "军事学", "军事学学士"],
  ["12", "管理学", "管理学学士"],
  ["13", "艺术学", "艺术学学士"],
  ["14", "交叉学科", "交叉学科学士"],
]);

/** Field labels the messages name (the dialog's and the sheet's words). */
export const ORG_FIELD_LABELS: Readonly<Record<string, Record<Locale, string>>> = {
  name: { "zh-CN": "名称", en: "Name" },
  code: { "zh-CN": "代码", en: "Code" },
  presidentName: { "zh-CN": "校（院）长姓名", en: "President" },
  college: { "zh-CN": "所属学院", en: "College" },
  major: { "zh-CN": "所属专业", en: "Major" },
  level: { "zh-CN": "层次", en: "Level" },
  duration: { "zh-CN": "学制", en: "Length of study" },
  studyForm: { "zh-CN": "学习形式", en: "Mode of study" },
  requiredCredits: { "zh-CN": "毕业学分", en: "Credits to graduate" },
  degreeCategory: { "zh-CN": "学位门类", en: "Degree category" },
  grade: { "zh-CN": "年级", en: "Grade" },
  startDate: { "zh-CN": "第一天", en: "First day" },
  endDate: { "zh-CN": "最后一天", en: "Last day" },
};

/** A refusal at one field: the message code and what it names. */
export interface OrgProblem {
  field: string;
  code: ErrorCode;
  params: Record<string, string | number>;
}

const problem = (field: string, code: ErrorCode, params: Record<string, string | number> = {}): OrgProblem => ({ field, code, params });
const required = (field: string): OrgProblem => problem(field, "org.required", { field: ORG_FIELD_LABELS[field]?.["zh-CN"] ?? field });

export interface SchoolInput {
  name: string;
  code: string;
  presidentName: string;
}

/** 学校代码: the 5-digit national code the certificate number starts with (docs/domain.md §6). */
export function checkSchool(s: SchoolInput): OrgProblem[] {
  const out: OrgProblem[] = [];
  if (!s.name.trim()) out.push(required("name"));
  if (!/^\d{5}$/.test(s.code)) out.push(problem("code", "org.school-code", { value: s.code }));
  if (!s.presidentName.trim()) out.push(required("presidentName"));
  return out;
}

export interface CollegeInput {
  code: string;
  name: string;
}

export function checkCollege(c: CollegeInput): OrgProblem[] {
  const out: OrgProblem[] = [];
  if (!c.code.trim()) out.push(required("code"));
  if (!c.name.trim()) out.push(required("name"));
  return out;
}

export interface MajorInput {
  code: string;
  name: string;
  level: string;
  duration: number;
  studyForm: string;
  requiredCredits: number;
  degreeCategory: string | null;
}

/** 本科专业代码 (080901, 080910T) and 高职专业代码 (510201) are six digits; 特设 T and 国家控制 K suffixes. */
export const MAJOR_CODE = /^\d{6}[TK]{0,2}$/;

export function checkMajor(m: MajorInput): OrgProblem[] {
  const out: OrgProblem[] = [];
  if (!MAJOR_CODE.test(m.code)) out.push(problem("code", "org.major-code", { value: m.code }));
  if (!m.name.trim()) out.push(required("name"));
  if (!Number.isFinite(m.duration) || m.duration < 1 || m.duration > 8)
    out.push(problem("duration", "org.number-range", { field: "学制", min: 1, max: 8, value: String(m.duration) }));
  if (!Number.isFinite(m.requiredCredits) || m.requiredCredits <= 0 || m.requiredCredits > 999)
    out.push(problem("requiredCredits", "org.number-range", { field: "毕业学分", min: 1, max: 999, value: String(m.requiredCredits) }));
  // 学位 is awarded to 本科 graduates (专升本 included); other levels have none to name.
  if (m.degreeCategory && m.level !== "05" && m.level !== "15")
    out.push(problem("degreeCategory", "org.degree-category-level", { level: m.level }));
  if (m.degreeCategory && !entryByCode(DEGREE_CATEGORY, m.degreeCategory))
    out.push(
      problem("degreeCategory", "org.unknown-value", { field: "学位门类", value: m.degreeCategory, choices: "哲学、经济学……交叉学科" }),
    );
  return out;
}

export interface ClassInput {
  name: string;
  grade: number;
}

export function checkClass(c: ClassInput): OrgProblem[] {
  const out: OrgProblem[] = [];
  if (!c.name.trim()) out.push(required("name"));
  if (!Number.isInteger(c.grade) || c.grade < 1990 || c.grade > 2100)
    out.push(problem("grade", "org.number-range", { field: "年级", min: 1990, max: 2100, value: String(c.grade) }));
  return out;
}

export interface TermInput {
  code: string;
  startDate: string;
  endDate: string;
}

export const TERM_CODE = /^(\d{4})-(\d{4})-([123])$/;

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * A term: its code names the academic year and the term (2026-2027-1), its days lie in that year
 * (August to the next July, as `academicYearOf` reckons), the last day is not before the first, and
 * it overlaps no other term: the current term is the one whose days contain today.
 */
export function checkTerm(t: TermInput, others: readonly TermInput[]): OrgProblem[] {
  const out: OrgProblem[] = [];
  const m = TERM_CODE.exec(t.code);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) out.push(problem("code", "org.term-code", { value: t.code }));
  if (!isDate(t.startDate)) out.push(problem("startDate", "org.date", { field: "第一天", value: t.startDate }));
  if (!isDate(t.endDate)) out.push(problem("endDate", "org.date", { field: "最后一天", value: t.endDate }));
  if (out.length > 0) return out;
  if (t.endDate < t.startDate) return [problem("endDate", "org.term-dates-reversed", { start: t.startDate, end: t.endDate })];
  const year = t.code.slice(0, 9);
  const start = Number(year.slice(0, 4));
  const [from, to] = [`${start}-08-01`, `${start + 1}-07-31`];
  if (academicYearOf(t.startDate) !== year) out.push(problem("startDate", "org.term-year", { code: t.code, year, from, to }));
  else if (academicYearOf(t.endDate) !== year) out.push(problem("endDate", "org.term-year", { code: t.code, year, from, to }));
  const clash = others.find((o) => o.code !== t.code && o.startDate <= t.endDate && t.startDate <= o.endDate);
  if (clash)
    out.push(problem("startDate", "org.term-overlap", { other: clash.code, otherStart: clash.startDate, otherEnd: clash.endDate }));
  return out;
}

/** The term that contains `today`, or the last one that began before it. */
export function termOn<T extends { startDate: string; endDate: string }>(all: readonly T[], today: string): T | null {
  const sorted = [...all].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return sorted.find((t) => t.startDate <= today && today <= t.endDate) ?? sorted.filter((t) => t.startDate <= today).at(-1) ?? null;
}

/**
 * The academic year of `today`: the one of the term containing it (or the last that began), from the
 * registrar's terms; only a school with no terms yet falls back to the calendar rule (August to July).
 */
export function academicYearOn(all: readonly { code: string; startDate: string; endDate: string }[], today: string): string {
  const term = termOn(all, today);
  return term ? term.code.slice(0, 9) : academicYearOf(today);
}
