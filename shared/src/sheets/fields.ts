/**
 * The canonical fields a check sheet can carry, each with its standard header, the header
 * spellings met in real sheets (synonyms), and the parser that reads its cells. Templates pick
 * from these; a school edits its templates (synonyms, required, lengths) as data.
 */
export const FIELD_KEYS = [
  "studentNo",
  "examNo",
  "name",
  "gender",
  "birthDate",
  "ethnicity",
  "politicalStatus",
  "idType",
  "idNumber",
  "college",
  "majorCode",
  "majorName",
  "className",
  "level",
  "duration",
  "studyForm",
  "enrolmentDate",
  "expectedGraduationDate",
  "registrationStatus",
  "term",
  "courseCode",
  "courseName",
  "credits",
  "courseNature",
  "score",
  "examType",
  "confirmed",
  "reason",
  "evidence",
  // Fields real sheets carry. 考试学期 beside 开课学期 says when a 补考/重修 was sat.
  "examTerm",
  "studentStatus",
  "grade",
  "admissionType",
  "phone",
  "address",
  // Degree facts the graduates sheet brings for the degree audit's conditions (docs/domain.md §6 "degree
  // conditions (school-specific)"; seed 001 七 “按学校相关文件规定审核毕业生授位资格”).
  "gpa",
  "discipline",
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

export const CODE_TABLE_IDS = [
  "gender",
  "ethnicity",
  "politicalStatus",
  "level",
  "studyForm",
  "registrationStatus",
  "courseNature",
  "examType",
  "studentStatus",
  "discipline",
] as const;
export type CodeTableId = (typeof CODE_TABLE_IDS)[number];

/** How a column's cells are read. Data, so templates can be stored and edited. */
export type ParserSpec =
  | { kind: "idNumber" }
  | { kind: "date"; min?: string; max?: string | "today" }
  | { kind: "name" }
  | { kind: "identifier"; length?: number; letterSuffix?: boolean; letters?: boolean }
  | { kind: "enum"; table: CodeTableId }
  | { kind: "credits" }
  | { kind: "duration" }
  | { kind: "score" }
  | { kind: "term" }
  | { kind: "text"; max?: number }
  | { kind: "yesNo" }
  | { kind: "grade" }
  | { kind: "phone" }
  | { kind: "address"; max?: number }
  | { kind: "gpa" };

export interface FieldDefinition {
  header: string;
  synonyms: readonly string[];
  parser: ParserSpec;
  /** What a blank cell in this column says, read as if typed, where a blank has a meaning of its own. */
  blankMeans?: string;
}

export const FIELDS: Readonly<Record<FieldKey, FieldDefinition>> = {
  studentNo: { header: "学号", synonyms: ["学生编号", "学籍号", "学生学号", "XH"], parser: { kind: "identifier", letters: true } },
  examNo: {
    header: "考生号",
    synonyms: ["考生号码", "高考考生号", "高考报名号", "准考证号", "KSH"],
    parser: { kind: "identifier", length: 14 },
  },
  name: { header: "姓名", synonyms: ["学生姓名", "名字", "XM"], parser: { kind: "name" } },
  gender: { header: "性别", synonyms: ["XB"], parser: { kind: "enum", table: "gender" } },
  birthDate: {
    header: "出生日期",
    synonyms: ["出生年月日", "生日", "出生年月", "CSRQ"],
    parser: { kind: "date", min: "1900-01-01", max: "today" },
  },
  ethnicity: { header: "民族", synonyms: ["MZ"], parser: { kind: "enum", table: "ethnicity" } },
  politicalStatus: { header: "政治面貌", synonyms: ["政治身份", "ZZMM"], parser: { kind: "enum", table: "politicalStatus" } },
  idType: { header: "证件类型", synonyms: ["身份证件类型", "证件种类", "ZJLX"], parser: { kind: "text", max: 20 } },
  idNumber: {
    header: "身份证号",
    synonyms: ["身份证号码", "证件号码", "身份证件号", "身份证件号码", "证件号", "公民身份号码", "SFZH"],
    parser: { kind: "idNumber" },
  },
  college: { header: "学院", synonyms: ["二级学院", "院系", "所在学院", "分院", "系", "FY"], parser: { kind: "text", max: 60 } },
  majorCode: {
    header: "专业代码",
    synonyms: ["专业编码", "专业号", "ZYDM"],
    parser: { kind: "identifier", length: 6, letterSuffix: true },
  },
  majorName: { header: "专业名称", synonyms: ["专业", "所学专业", "专业全称", "ZYMC"], parser: { kind: "text", max: 60 } },
  className: { header: "班级", synonyms: ["班级名称", "行政班", "班号", "所在班级", "BH"], parser: { kind: "text", max: 60 } },
  level: { header: "层次", synonyms: ["培养层次", "学历层次", "CC"], parser: { kind: "enum", table: "level" } },
  duration: { header: "学制", synonyms: ["学习年限", "XZ"], parser: { kind: "duration" } },
  studyForm: { header: "学习形式", synonyms: ["学习方式", "XXXS"], parser: { kind: "enum", table: "studyForm" } },
  enrolmentDate: {
    header: "入学日期",
    synonyms: ["入学时间", "入学年月", "RXRQ"],
    parser: { kind: "date", min: "1950-01-01", max: "today" },
  },
  expectedGraduationDate: {
    header: "预计毕业日期",
    synonyms: ["毕业日期", "预计毕业时间", "毕业时间", "YJBYRQ"],
    parser: { kind: "date", min: "1950-01-01", max: "2100-12-31" },
  },
  registrationStatus: {
    header: "注册状态",
    synonyms: ["报到状态", "是否报到", "报到情况", "注册情况", "是否注册"],
    parser: { kind: "enum", table: "registrationStatus" },
  },
  // 开课学期 is the term a course belongs to; a lone 考试学期 column is read as the term (see reader).
  term: { header: "学期", synonyms: ["学年学期", "开课学期", "开课学年学期"], parser: { kind: "term" } },
  courseCode: { header: "课程代码", synonyms: ["课程号", "课程编号", "课程编码"], parser: { kind: "identifier", letters: true } },
  courseName: { header: "课程名称", synonyms: ["课程", "课程名"], parser: { kind: "text", max: 100 } },
  credits: { header: "学分", synonyms: ["课程学分", "不及格学分"], parser: { kind: "credits" } },
  courseNature: { header: "课程性质", synonyms: ["课程类别", "课程类型", "修读性质"], parser: { kind: "enum", table: "courseNature" } },
  score: { header: "成绩", synonyms: ["总评成绩", "考试成绩", "最终成绩", "总成绩", "分数"], parser: { kind: "score" } },
  examType: { header: "考核类型", synonyms: ["考试性质", "考核方式", "考试类型", "成绩性质"], parser: { kind: "enum", table: "examType" } },
  confirmed: {
    header: "学生确认",
    synonyms: ["本人确认", "学生签字", "学生签名", "本人签字", "确认签字", "是否确认"],
    parser: { kind: "yesNo" },
  },
  reason: { header: "退学原因", synonyms: ["原因", "处理原因", "退学事由", "事由"], parser: { kind: "text", max: 200 } },
  evidence: { header: "佐证材料", synonyms: ["证明材料", "相关证明", "附件"], parser: { kind: "text", max: 500 } },
  examTerm: { header: "考试学期", synonyms: ["补考学期", "重修学期", "考核学期"], parser: { kind: "term" } },
  studentStatus: { header: "学籍状态", synonyms: ["学籍情况", "在籍状态", "XJZT"], parser: { kind: "enum", table: "studentStatus" } },
  grade: { header: "年级", synonyms: ["入学年级", "所在年级", "NJ"], parser: { kind: "grade" } },
  admissionType: {
    header: "入学方式",
    synonyms: ["录取类型", "录取类别", "招生类别", "入学类别", "录取方式", "招生类型"],
    parser: { kind: "text", max: 30 },
  },
  phone: {
    header: "联系电话",
    synonyms: ["手机号", "手机号码", "联系方式", "电话", "手机", "本人电话", "学生电话", "LXDH"],
    parser: { kind: "phone" },
  },
  address: {
    header: "家庭住址",
    synonyms: ["家庭地址", "家庭详细地址", "家庭住址（详细）", "通讯地址", "住址"],
    parser: { kind: "address", max: 100 },
  },
  gpa: {
    header: "平均学分绩点",
    synonyms: ["GPA", "绩点", "平均绩点", "学分绩点", "平均学分绩", "学位绩点", "PJXFJD"],
    parser: { kind: "gpa" },
  },
  discipline: {
    header: "处分",
    synonyms: ["处分情况", "受处分情况", "违纪处分", "纪律处分", "处分等级"],
    parser: { kind: "enum", table: "discipline" },
    // A 处分 column is filled in only for the few students who have one (0018 has no code for "none":
    // 正方 records sanctions, not their absence), so a blank cell there says 无. Leaving it "unknown"
    // would withhold the degree of every student under a 处分 condition (docs/domain.md §6 degree
    // conditions) until the secretary typed 无 a few hundred times. What it cannot do is erase a
    // sanction the record holds: see applyGraduates.
    blankMeans: "无",
  },
};
