import { FIELDS, type FieldKey, type ParserSpec } from "./fields";

/**
 * The five check sheets of docs/domain.md §4 as data: which columns, which are required, how each is
 * read, what must be unique, and the words in a title row that name the sheet. A school changes
 * these without code (the server stores them versioned); these are the defaults.
 */
export const SHEET_KINDS = ["roster-new", "roster-returning", "failed-courses", "graduates", "dismissal"] as const;
/** Where a submitted sheet stands: a newer version supersedes it; the 学籍科 accepts or rejects it. */
export const SUBMISSION_STATES = ["submitted", "superseded", "accepted", "rejected"] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export interface ColumnTemplate {
  field: FieldKey;
  header: string;
  synonyms: readonly string[];
  required: boolean;
  parser: ParserSpec;
}

export interface SheetTemplate {
  kind: SheetKind;
  version: number;
  /** Words in a title row above the header that name this sheet. */
  titleKeywords: readonly string[];
  columns: readonly ColumnTemplate[];
  /** Each entry is a set of fields whose values together may appear only once. */
  uniqueKeys: ReadonlyArray<readonly FieldKey[]>;
  /** Whether a sheet that still has errors may be submitted (the rows with errors are flagged). */
  allowSubmitWithErrors: boolean;
}

type ColumnChoice = FieldKey | { field: FieldKey; parser?: ParserSpec };

function columns(required: readonly ColumnChoice[], optional: readonly ColumnChoice[]): ColumnTemplate[] {
  const make = (choice: ColumnChoice, isRequired: boolean): ColumnTemplate => {
    const field = typeof choice === "string" ? choice : choice.field;
    const def = FIELDS[field];
    const parser = typeof choice === "string" ? def.parser : (choice.parser ?? def.parser);
    return { field, header: def.header, synonyms: def.synonyms, required: isRequired, parser };
  };
  return [...required.map((c) => make(c, true)), ...optional.map((c) => make(c, false))];
}

const IDENTITY_OPTIONAL: FieldKey[] = ["college", "className", "idType"];

export const DEFAULT_TEMPLATES: Readonly<Record<SheetKind, SheetTemplate>> = {
  // seed 004 秋期第一、二周 新生报到信息核对; upload columns docs/domain.md §7.
  "roster-new": {
    kind: "roster-new",
    version: 1,
    // Not “电子注册信息核对”: the returning roster's title (在校生学年电子注册信息核对表) has it too (docs/domain.md §4).
    titleKeywords: ["新生学籍", "新生"],
    columns: columns(
      ["studentNo", "name", "gender", "birthDate", "idNumber", "ethnicity", "majorName", "level"],
      [
        "examNo",
        "politicalStatus",
        "majorCode",
        "duration",
        "studyForm",
        "enrolmentDate",
        "expectedGraduationDate",
        "registrationStatus",
        "confirmed",
        ...IDENTITY_OPTIONAL,
      ],
    ),
    uniqueKeys: [["studentNo"], ["idNumber"], ["examNo"]],
    allowSubmitWithErrors: false,
  },
  // seed 004 10月前 在校生学年电子注册; seed 003 第十一条 暂缓注册.
  "roster-returning": {
    kind: "roster-returning",
    version: 1,
    titleKeywords: ["在校生", "学年电子注册", "学年注册", "老生"],
    columns: columns(
      ["studentNo", "name", "registrationStatus"],
      ["idNumber", "gender", "birthDate", "ethnicity", "majorName", "level", "confirmed", ...IDENTITY_OPTIONAL],
    ),
    uniqueKeys: [["studentNo"], ["idNumber"]],
    allowSubmitWithErrors: false,
  },
  // seed 004 成绩清理: 不及格课程信息核对表, the basis of 学籍处理 (seed 000 九).
  "failed-courses": {
    kind: "failed-courses",
    version: 1,
    titleKeywords: ["不及格", "不合格课程", "考核不合格"],
    columns: columns(
      ["studentNo", "name", "term", "courseName", "credits"],
      ["courseCode", "courseNature", "score", "examType", "confirmed", "college", "className", "majorName"],
    ),
    uniqueKeys: [["studentNo", "term", "courseCode", "courseName", "examType"]],
    allowSubmitWithErrors: false,
  },
  // seed 004 6月 毕业生信息核对; certificate fields seed 003 第十五条.
  graduates: {
    kind: "graduates",
    version: 1,
    titleKeywords: ["毕业生", "毕业资格", "学历注册"],
    columns: columns(
      [
        "studentNo",
        "name",
        "gender",
        "birthDate",
        "idNumber",
        "majorName",
        "level",
        "duration",
        "studyForm",
        "enrolmentDate",
        "expectedGraduationDate",
      ],
      // 平均学分绩点 and 处分 are recorded for the degree audit when the sheet is accepted.
      ["examNo", "ethnicity", "politicalStatus", "majorCode", "confirmed", "gpa", "discipline", ...IDENTITY_OPTIONAL],
    ),
    uniqueKeys: [["studentNo"], ["idNumber"]],
    allowSubmitWithErrors: false,
  },
  // seed 004 第三周 休学期满及未报到学生学籍清理: 退学处理申报表 with evidence.
  dismissal: {
    kind: "dismissal",
    version: 1,
    titleKeywords: ["退学处理", "退学", "学籍清理"],
    columns: columns(["studentNo", "name", "reason"], ["evidence", "majorName", "idNumber", ...IDENTITY_OPTIONAL]),
    uniqueKeys: [["studentNo"]],
    allowSubmitWithErrors: true,
  },
};

/**
 * Whether a sheet with `errors` errors may be submitted under `template` (the template in force):
 * the pane asks this before it offers 提交, and the server refuses with the same answer.
 */
export function mayBeSubmitted(template: Pick<SheetTemplate, "allowSubmitWithErrors">, errors: number): boolean {
  return errors === 0 || template.allowSubmitWithErrors;
}
