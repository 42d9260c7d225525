import { STUDENT_STATUS, type StudentStatus } from "../codes/student-status";
import { FIELDS, type FieldKey, type ParserSpec } from "../sheets/fields";
import { TRANSITIONS } from "../status/transitions";

/**
 * What the record can be brought in from (docs/domain.md §2): the students as an old system or
 * Xueji's own 学信网 export has them, the admitted freshmen (录取名单), course results per term, and
 * the accounts. `org` is kept for the organisation service, which reads the same way.
 */
export const IMPORT_KINDS = ["students", "admissions", "results", "users"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The extra columns of an account sheet (not check-sheet fields). */
export type UserColumnKey = "username" | "role";
export type ImportColumnKey = FieldKey | UserColumnKey;

export interface ImportColumn {
  key: ImportColumnKey;
  header: string;
  synonyms: readonly string[];
  required: boolean;
  parser: ParserSpec;
}

export interface ImportTemplate {
  kind: ImportKind;
  columns: readonly ImportColumn[];
  /** Each a set of columns whose values together may appear once in a file. */
  uniqueKeys: ReadonlyArray<readonly ImportColumnKey[]>;
}

function field(key: FieldKey, required: boolean, extra: readonly string[] = []): ImportColumn {
  const def = FIELDS[key];
  return { key, header: def.header, synonyms: [...def.synonyms, ...extra], required, parser: def.parser };
}

const STUDENT_OPTIONAL: FieldKey[] = [
  "examNo",
  "politicalStatus",
  "college",
  "majorCode",
  "majorName",
  "className",
  "grade",
  "duration",
  "studyForm",
  "enrolmentDate",
  "expectedGraduationDate",
  "studentStatus",
  "admissionType",
  // 证件类型: 港澳台 and foreign students' documents are read by their own formats (fields/id-number.ts).
  "idType",
];

export const IMPORT_TEMPLATES: Readonly<Record<ImportKind, ImportTemplate>> = {
  // The 学信网 columns (KSH, XH …, docs/domain.md §7) are among FIELDS' synonyms; 院系 FY is the college.
  students: {
    kind: "students",
    columns: [
      ...(["studentNo", "name", "gender", "birthDate", "idNumber", "ethnicity", "level"] as const).map((k) => field(k, true)),
      ...STUDENT_OPTIONAL.map((k) => field(k, false)),
    ],
    uniqueKeys: [["studentNo"], ["idNumber"], ["examNo"]],
  },
  // 录取名单: 录取专业 is the major; the 学号 may come later from the registrar's pattern.
  admissions: {
    kind: "admissions",
    columns: [
      field("examNo", true),
      ...(["name", "idNumber", "gender", "birthDate", "ethnicity"] as const).map((k) => field(k, true)),
      field("majorName", false, ["录取专业", "录取专业名称"]),
      field("majorCode", false, ["录取专业代码"]),
      ...(
        [
          "studentNo",
          "level",
          "duration",
          "politicalStatus",
          "college",
          "className",
          // 年级: the intake's year, where the list names it (else the latest intake's, `intakeYearOf`: a list entered in spring is last autumn's).
          "grade",
          "studyForm",
          "enrolmentDate",
          "admissionType",
          "idType",
        ] as const
      ).map((k) => field(k, false)),
    ],
    uniqueKeys: [["examNo"], ["idNumber"], ["studentNo"]],
  },
  // 成绩: 课程性质 and 考核方式 (正考/补考/重修); 绩点 per course, where the academic system gives it.
  results: {
    kind: "results",
    columns: [
      ...(["studentNo", "term", "courseName", "credits", "score"] as const).map((k) => field(k, true)),
      ...(["name", "courseCode", "courseNature", "examType", "gpa"] as const).map((k) => field(k, false, k === "gpa" ? ["课程绩点"] : [])),
    ],
    uniqueKeys: [],
  },
  users: {
    kind: "users",
    columns: [
      {
        key: "username",
        header: "用户名",
        synonyms: ["账号", "帐号", "登录名", "工号", "用户账号"],
        required: true,
        parser: { kind: "text", max: 64 },
      },
      { ...field("name", true), synonyms: ["真实姓名", "显示名"] },
      { key: "role", header: "角色", synonyms: ["身份", "岗位", "用户角色"], required: true, parser: { kind: "text", max: 40 } },
      field("college", false),
    ],
    uniqueKeys: [["username"]],
  },
};

/**
 * Whether a file may set a student's status to `to` when the record says `from`: the same status,
 * or one event of the transitions (docs/domain.md §2) leads there. Anything else is its own process.
 */
export function statusReachable(from: StudentStatus, to: StudentStatus): boolean {
  if (from === to) return true;
  return TRANSITIONS.some((t) => t.from.includes(from) && t.to === to);
}

export function statusName(code: string): string {
  return STUDENT_STATUS.entries.find((e) => e.code === code)?.name ?? code;
}

/**
 * A 学号 from the registrar's pattern: `{year}` the enrolment year, `{college}` the college code,
 * `{major}` the major code, `{serial:N}` the next number, N digits. `2026{college}{serial:4}` → 2026030001.
 */
export const DEFAULT_STUDENT_NO_PATTERN = "{year}{college}{serial:4}";

export function studentNoPrefix(
  pattern: string,
  parts: { year: number; college: string; major: string },
): { prefix: string; digits: number } | null {
  const match = /\{serial:(\d)\}$/.exec(pattern);
  if (!match) return null;
  const prefix = pattern
    .slice(0, match.index)
    .replace(/\{year\}/g, String(parts.year))
    .replace(/\{college\}/g, parts.college)
    .replace(/\{major\}/g, parts.major);
  if (/[{}]/.test(prefix)) return null;
  return { prefix, digits: Number(match[1]) };
}

export function isStudentNoPattern(pattern: string): boolean {
  return studentNoPrefix(pattern, { year: 2026, college: "01", major: "080901" }) !== null;
}
