import { ROLE_LABELS } from "../auth/roles";
import { MATERIALS } from "../workflows/materials";
import { FIELD_LABELS, SHEET_LABELS } from "./labels";
import type { Locale } from "./locale";

type Text = Record<Locale, string>;
interface Label {
  title: Text;
  description?: Text;
}

/**
 * What the registrar's settings editor calls each kind of setting (docs/domain.md §3, §5; seed 004). A
 * kind missing here is shown by its key; the editor still works, since it is generated from the schema.
 */
export const SETTING_KIND_LABELS: Readonly<Record<string, Label>> = {
  "standing-rules": {
    title: { "zh-CN": "学业预警规则", en: "Academic standing rules" },
    description: {
      "zh-CN": "按不及格学分确定学业警示、留级和退学。",
      en: "Failed credits that lead to warnings, repeating a year and dismissal.",
    },
  },
  holidays: {
    title: { "zh-CN": "节假日", en: "Public holidays" },
    description: {
      "zh-CN": "办理时限按工作日计算时跳过的日期和调休上班日。",
      en: "Days skipped, and make-up workdays, when deadlines count working days.",
    },
  },
  workflow: {
    title: { "zh-CN": "学籍异动流程", en: "Application workflows" },
    description: {
      "zh-CN": "每类学籍异动的原因、材料、审批环节、公示期和办理时限。",
      en: "Reasons, materials, decision stages, notice period and deadline of each application type.",
    },
  },
  "sheet-template": {
    title: { "zh-CN": "核对表模板", en: "Check-sheet templates" },
    description: {
      "zh-CN": "核对表的列、表头同义词、解析方式和唯一键。",
      en: "Columns, header synonyms, parsers and unique keys of each check sheet.",
    },
  },
  "registrar-calendar": {
    title: { "zh-CN": "教务工作日历", en: "Registrar's calendar" },
    description: {
      "zh-CN": "每学期各项学籍工作的周次和负责方（《学籍管理操作流程》附件二 时间安排表）。",
      en: "The weeks and owners of each term's registry tasks (Student records procedures, annex II timetable).",
    },
  },
  "graduation-audit": {
    title: { "zh-CN": "毕业与学位审核规则", en: "Graduation and degree audit rules" },
    description: {
      "zh-CN": "毕业资格、学位授予条件和学历证书信息，按学年设定版本（docs/domain.md §6）。",
      en: "Graduation eligibility, degree conditions and the certificate's particulars, versioned by academic year (docs/domain.md §6).",
    },
  },
  "check-rules": {
    title: { "zh-CN": "核对规则", en: "Sheet check rules" },
    description: {
      "zh-CN": "核对表逐格检查时使用的规则，如学生年龄范围。",
      en: "Rules the cell-by-cell check of every sheet uses, such as the students' age range.",
    },
  },
  "registration-rules": {
    title: { "zh-CN": "学年注册期限", en: "Annual registration time limits" },
    description: {
      "zh-CN": "学生办理学年注册和学年电子注册（含暂缓注册后的补注册）的期限（《学生学籍学历电子注册管理办法》第十一–十二条）。",
      en: "When students register and when the year's electronic registration, late registration after deferral included, is complete (Student electronic registration regulations, art. 11–12).",
    },
  },
};

/** Field names in the settings editor, by property name; `kind:property` overrides one kind's. */
export const SETTING_FIELD_LABELS: Readonly<Record<string, Label>> = {
  termBands: {
    title: { "zh-CN": "学期预警档次", en: "Term warning bands" },
    description: {
      "zh-CN": "一学期不及格学分达到“起点”即给出该档警示。",
      en: "A term's failed credits at or above “from” give that warning.",
    },
  },
  yearBands: {
    title: { "zh-CN": "学年处理档次", en: "Year outcome bands" },
    description: {
      "zh-CN": "一学年不及格学分达到“起点”即留级或退学。",
      en: "A year's failed credits at or above “from” mean repeating the year or dismissal.",
    },
  },
  "standing-rules:from": { title: { "zh-CN": "起点（不及格学分 ≥）", en: "From (failed credits ≥)" } },
  outcome: { title: { "zh-CN": "结果", en: "Outcome" } },
  countedCourses: { title: { "zh-CN": "计入的课程", en: "Courses counted" } },
  passedMakeUpClears: {
    title: { "zh-CN": "补考通过即不再计入", en: "A passed make-up exam clears the course" },
  },
  // The seed is silent on a course failed twice in one academic year; most schools count it once.
  repeatFailureInYear: {
    title: { "zh-CN": "同一课程一学年内两次不及格", en: "A course failed twice in one academic year" },
  },
  holidays: { title: { "zh-CN": "放假日期", en: "Holidays" } },
  makeUpWorkdays: { title: { "zh-CN": "调休上班日", en: "Make-up workdays" } },
  name: { title: { "zh-CN": "名称", en: "Name" } },
  "zh-CN": { title: { "zh-CN": "中文", en: "Chinese" } },
  en: { title: { "zh-CN": "英文", en: "English" } },
  materials: { title: { "zh-CN": "所需材料", en: "Materials" } },
  reasons: { title: { "zh-CN": "异动原因", en: "Reasons" } },
  code: { title: { "zh-CN": "代码", en: "Code" } },
  keywords: {
    title: { "zh-CN": "识别关键词", en: "Keywords" },
    description: {
      "zh-CN": "退学处理申报表的“退学原因”含有其中任一词时，按此原因办理（都不含时按最后一个原因）。",
      en: "A 退学处理申报表 row whose reason contains any of these is filed under this reason (none: the last reason).",
    },
  },
  fromStandingRules: {
    title: { "zh-CN": "学业预警退学按此原因", en: "Dismissals from the standing rules" },
    description: {
      "zh-CN": "学业预警规则得出的退学，按此原因立项。",
      en: "A dismissal the academic standing rules give is filed under this reason.",
    },
  },
  stages: { title: { "zh-CN": "审批环节", en: "Decision stages" } },
  key: { title: { "zh-CN": "标识", en: "Key" } },
  role: { title: { "zh-CN": "审批角色", en: "Deciding role" } },
  college: { title: { "zh-CN": "所属学院", en: "Whose college" } },
  publicNoticeDays: { title: { "zh-CN": "公示期（天）", en: "Public notice (days)" } },
  deadlineWorkingDays: { title: { "zh-CN": "办理时限（工作日）", en: "Deadline (working days)" } },
  titleKeywords: { title: { "zh-CN": "标题关键词", en: "Title keywords" } },
  columns: { title: { "zh-CN": "列", en: "Columns" } },
  field: { title: { "zh-CN": "字段", en: "Field" } },
  header: { title: { "zh-CN": "表头", en: "Header" } },
  synonyms: { title: { "zh-CN": "表头同义词", en: "Header synonyms" } },
  required: { title: { "zh-CN": "必填", en: "Required" } },
  parser: { title: { "zh-CN": "解析方式", en: "Parser" } },
  kind: { title: { "zh-CN": "类型", en: "Kind" } },
  min: { title: { "zh-CN": "最小值", en: "Minimum" } },
  max: { title: { "zh-CN": "最大值", en: "Maximum" } },
  length: { title: { "zh-CN": "长度", en: "Length" } },
  letterSuffix: { title: { "zh-CN": "允许字母结尾", en: "Letter suffix allowed" } },
  letters: { title: { "zh-CN": "允许字母", en: "Letters allowed" } },
  table: { title: { "zh-CN": "代码表", en: "Code table" } },
  uniqueKeys: { title: { "zh-CN": "唯一键", en: "Unique keys" } },
  allowSubmitWithErrors: { title: { "zh-CN": "有错误时仍可提交", en: "May be submitted with errors" } },
  tasks: { title: { "zh-CN": "工作事项", en: "Tasks" } },
  owner: { title: { "zh-CN": "负责方", en: "Owner" } },
  term: { title: { "zh-CN": "学期", en: "Term" } },
  fromWeek: { title: { "zh-CN": "开始周", en: "From week" } },
  toWeek: { title: { "zh-CN": "结束周", en: "To week" } },
  sheet: { title: { "zh-CN": "核对表", en: "Check sheet" } },
  "holidays:years": {
    title: { "zh-CN": "已录入的年份", en: "Years entered" },
    description: {
      "zh-CN": "已按国务院办公厅节假日安排通知录入的年份；未录入年份的期限标为“暂定”。",
      en: "The years entered from the State Council's holiday notice; a deadline in a year not entered is marked provisional.",
    },
  },
  "workflow:signOff": {
    title: { "zh-CN": "线下签字环节", en: "Signed on paper" },
    description: {
      "zh-CN": "无系统账号的部门（班主任、辅导员、学生处、财务处、招生就业处、党委），由学院教学秘书登记签字。",
      en: "An office without an account (class adviser, counsellor, student affairs, finance, admissions, Party committee): the college secretary records its signature.",
    },
  },
  // 毕业/学位资格审查 (seed 000 四 and 六.5, seed 003 第十五条).
  "graduation-audit:maxStudyYears": {
    title: { "zh-CN": "最长学习年限", en: "Longest period of study" },
    description: {
      "zh-CN": "各层次（层次代码）的最长学习年限，超过只能结业（专科五年、本科六年）。",
      en: "The longest study period of each level (by level code); beyond it a student can only complete, not graduate (five years for 专科, six for 本科).",
    },
  },
  "graduation-audit:05": { title: { "zh-CN": "本科（年）", en: "Bachelor's (years)" } },
  "graduation-audit:06": { title: { "zh-CN": "专科（年）", en: "Associate (years)" } },
  "graduation-audit:15": { title: { "zh-CN": "专科起点本科（年）", en: "Bachelor's after an associate degree (years)" } },
  "graduation-audit:photo": {
    title: { "zh-CN": "毕业生照片", en: "Graduate photo" },
    description: {
      "zh-CN": "学信网电子照片规格（480×640，1KB–100KB）。",
      en: "The CHSI electronic photo specification (480×640, 1 KB–100 KB).",
    },
  },
  "graduation-audit:width": { title: { "zh-CN": "照片宽度（像素）", en: "Photo width (pixels)" } },
  "graduation-audit:height": { title: { "zh-CN": "照片高度（像素）", en: "Photo height (pixels)" } },
  "graduation-audit:minBytes": { title: { "zh-CN": "照片最小字节数", en: "Smallest photo (bytes)" } },
  "graduation-audit:maxBytes": { title: { "zh-CN": "照片最大字节数", en: "Largest photo (bytes)" } },
  "graduation-audit:degree": {
    title: { "zh-CN": "学位授予", en: "Degree award" },
    description: {
      "zh-CN": "学位审核读取的规则，不再只是跟随毕业结论。",
      en: "The rules the degree audit reads, rather than only following the graduation outcome.",
    },
  },
  "graduation-audit:requireNoOutstandingFailures": {
    title: { "zh-CN": "授位须无未通过的必修课", en: "No failed required course outstanding for a degree" },
  },
  "graduation-audit:maxYearsAfterLeaving": {
    title: { "zh-CN": "离校后可补授学位的年数", en: "Years after leaving a degree may still be awarded" },
    description: {
      "zh-CN": "学位证超过两年不再补授（自离校之日起算）。",
      en: "No degree certificate is awarded more than two years after leaving (counted from the day of leaving).",
    },
  },
  "graduation-audit:conditions": {
    title: { "zh-CN": "其他学位条件", en: "Further degree conditions" },
    description: {
      "zh-CN": "如平均学分绩点、四级成绩、无处分等，由学校设定。",
      en: "Such as grade point average, CET-4 score or no disciplinary sanction, as the school sets them.",
    },
  },
  "graduation-audit:key": { title: { "zh-CN": "条件代码", en: "Condition code" } },
  "graduation-audit:name": { title: { "zh-CN": "条件名称", en: "Condition name" } },
  "graduation-audit:fact": {
    title: { "zh-CN": "读取的数据", en: "Data read" },
    description: {
      "zh-CN":
        "学籍库字段（gpa、earnedCredits）或核对表带来的数据项；毕业生核对表带来 gpa（平均学分绩点）和 discipline（处分代码：0 无、1 警告、2 严重警告、3 记过、4 留校察看、6 开除学籍）。",
      en: "A field of the record (gpa, earnedCredits) or an item a check sheet brings; the graduates' sheet brings gpa (grade point average) and discipline (sanction code: 0 none, 1 warning, 2 serious warning, 3 demerit, 4 probation, 6 expulsion).",
    },
  },
  "graduation-audit:op": {
    title: { "zh-CN": "比较方式", en: "Comparison" },
    description: { "zh-CN": "min 不低于、max 不高于、equals 等于。", en: "min: at least; max: at most; equals: exactly." },
  },
  "graduation-audit:value": { title: { "zh-CN": "要求的值", en: "Required value" } },
  "graduation-audit:certificate": {
    title: { "zh-CN": "学历证书", en: "Graduation certificate" },
    description: {
      "zh-CN": "《学生学籍学历电子注册管理办法》第十五条：学校名称、校（院）长姓名及证书编号。",
      en: "Student electronic registration regulations, art. 15: the school's name, the president's name and the certificate number.",
    },
  },
  "graduation-audit:schoolName": { title: { "zh-CN": "学校名称", en: "School name" } },
  "graduation-audit:schoolCode": {
    title: { "zh-CN": "学校代码", en: "School code" },
    description: {
      "zh-CN": "5 位国标学校代码，证书编号前 5 位。",
      en: "The five-digit national school code, the certificate number's first five digits.",
    },
  },
  "graduation-audit:presidentName": { title: { "zh-CN": "校（院）长姓名", en: "President's name" } },
  "graduation-audit:schoolType": {
    title: { "zh-CN": "办学类型", en: "Type of education" },
    description: {
      "zh-CN": "1 普通高等教育、5 成人、6 自考、7 网络。",
      en: "1 regular higher education, 5 adult, 6 self-taught examinations, 7 online.",
    },
  },
  // 学籍管理时间安排表 (seed 004 附件二).
  "registrar-calendar:tasks": { title: { "zh-CN": "工作安排", en: "Tasks" } },
  "registrar-calendar:name": { title: { "zh-CN": "工作内容", en: "Task" } },
  "registrar-calendar:units": { title: { "zh-CN": "完成单位", en: "Done by" } },
  "registrar-calendar:role": { title: { "zh-CN": "系统中的责任角色", en: "Responsible role in the system" } },
  "registrar-calendar:term": {
    title: { "zh-CN": "学期", en: "Term" },
    description: { "zh-CN": "1 秋期（8月–1月），2 春期（2月–7月）。", en: "1 autumn (August–January), 2 spring (February–July)." },
  },
  "registrar-calendar:fromWeek": { title: { "zh-CN": "起始教学周", en: "From teaching week" } },
  "registrar-calendar:toWeek": { title: { "zh-CN": "截止教学周", en: "To teaching week" } },
  "registrar-calendar:month": { title: { "zh-CN": "月份", en: "Month" } },
  "registrar-calendar:beforeMonth": {
    title: { "zh-CN": "在该月之前完成", en: "Done before that month" },
    description: { "zh-CN": "如“10月前”。", en: "As in “before October”." },
  },
  "registrar-calendar:onRequest": { title: { "zh-CN": "无确定时间（随申请办理）", en: "No fixed time (as applications come)" } },
  "registrar-calendar:deadline": { title: { "zh-CN": "完成期限（原文）", en: "Deadline (as written)" } },
  "registrar-calendar:sheet": { title: { "zh-CN": "涉及的核对表", en: "Check sheet concerned" } },
  "registrar-calendar:workflow": { title: { "zh-CN": "涉及的学籍异动", en: "Application type concerned" } },
  "check-rules:ageLimits": {
    title: { "zh-CN": "学生年龄范围", en: "Students' age range" },
    description: {
      "zh-CN": "按身份证号或出生日期算出的年龄（周岁）须在此范围内，否则为错误；出生日期在今天之后总是错误。",
      en: "The age (in whole years) from the ID number or birth date must lie in this range, or it is an error; a birth date after today always is.",
    },
  },
  "check-rules:min": { title: { "zh-CN": "最小年龄（岁）", en: "Minimum age (years)" } },
  "check-rules:max": { title: { "zh-CN": "最大年龄（岁）", en: "Maximum age (years)" } },
  "registration-rules:studentWeeks": {
    title: { "zh-CN": "学生办理注册期限（开学后周数）", en: "Students register within (weeks after the start)" },
    description: {
      "zh-CN": "《学生学籍学历电子注册管理办法》第十一条：“学生应在每学年第一学期开学后两周内到所在学院办理学年注册手续”。",
      en: "Student electronic registration regulations, art. 11: students register at their college within two weeks of the first term's start.",
    },
  },
  "registration-rules:completeMonths": {
    title: { "zh-CN": "学年电子注册完成期限（开学后月数）", en: "Electronic registration complete within (months after the start)" },
    description: {
      "zh-CN":
        "《学生学籍学历电子注册管理办法》第十二条：“学年的电子注册在每学年第一学期开学后1个月内完成”；暂缓注册学生的补注册也须在此之前办理。",
      en: "Student electronic registration regulations, art. 12: the year's electronic registration is complete within one month of the start; a deferred student's late registration (补注册) is due by then too.",
    },
  },
};

const OWN_ENUM_LABELS: Readonly<Record<string, Text>> = {
  "warning-1": { "zh-CN": "一级学业警示", en: "First-level warning" },
  "warning-2": { "zh-CN": "二级学业警示", en: "Second-level warning" },
  repeat: { "zh-CN": "留级", en: "Repeat the year" },
  dismissal: { "zh-CN": "退学", en: "Dismissal" },
  all: { "zh-CN": "全部课程", en: "All courses" },
  required: { "zh-CN": "仅必修课", en: "Required courses only" },
  registrar: { "zh-CN": "教务处", en: "Registrar" },
  both: { "zh-CN": "学院和教务处", en: "College and registrar" },
  student: { "zh-CN": "学生所在学院", en: "The student's college" },
  target: { "zh-CN": "转入学院", en: "The receiving college" },
  idNumber: { "zh-CN": "身份证号", en: "ID number" },
  date: { "zh-CN": "日期", en: "Date" },
  identifier: { "zh-CN": "编码", en: "Identifier" },
  enum: { "zh-CN": "代码表取值", en: "Code-table value" },
  text: { "zh-CN": "文本", en: "Text" },
  yesNo: { "zh-CN": "是/否", en: "Yes/no" },
  politicalStatus: { "zh-CN": "政治面貌", en: "Political status" },
  today: { "zh-CN": "今天", en: "Today" },
  once: { "zh-CN": "只计一次", en: "Counted once" },
  each: { "zh-CN": "每次都计入", en: "Counted each time" },
};

/** How an enumerated value reads: roles, fields, materials, sheets and the settings' own words. */
export function settingEnumLabel(value: string | number, locale: Locale): string | undefined {
  const v = String(value);
  const text =
    OWN_ENUM_LABELS[v] ??
    ROLE_LABELS[v as keyof typeof ROLE_LABELS] ??
    MATERIALS[v as keyof typeof MATERIALS] ??
    SHEET_LABELS[v as keyof typeof SHEET_LABELS] ??
    FIELD_LABELS[v as keyof typeof FIELD_LABELS];
  return text?.[locale];
}

/** Messages for an invalid setting, shown at the field. `{n}` is the limit. */
export const SETTING_ISSUE_MESSAGES = {
  required: { "zh-CN": "必填。", en: "Required." },
  "number.min": { "zh-CN": "不能小于 {n}。", en: "Must be at least {n}." },
  "number.max": { "zh-CN": "不能大于 {n}。", en: "Must be at most {n}." },
  "number.int": { "zh-CN": "应为整数。", en: "Must be a whole number." },
  "number.type": { "zh-CN": "应为数字。", en: "Must be a number." },
  "array.min": { "zh-CN": "至少需要 {n} 项。", en: "Needs at least {n} items." },
  "array.max": { "zh-CN": "最多 {n} 项。", en: "At most {n} items." },
  "string.empty": { "zh-CN": "不能为空。", en: "Must not be empty." },
  "string.min": { "zh-CN": "至少 {n} 个字符。", en: "At least {n} characters." },
  "string.max": { "zh-CN": "最多 {n} 个字符。", en: "At most {n} characters." },
  "string.date": { "zh-CN": "日期应写成 YYYY-MM-DD，如 2026-10-01。", en: "Write the date as YYYY-MM-DD, e.g. 2026-10-01." },
  "string.key": { "zh-CN": "只能使用小写字母和连字符（2–30 个）。", en: "Use 2–30 lowercase letters and hyphens." },
  "string.format": { "zh-CN": "格式不正确。", en: "Malformed." },
  "value.choose": { "zh-CN": "请从列表中选择。", en: "Choose one of the listed values." },
  "value.type": { "zh-CN": "类型不对，应为{expected}。", en: "Wrong type: expected {expected}." },
  "value.unknown-keys": { "zh-CN": "不认识的字段：{keys}。", en: "Unknown fields: {keys}." },
  "value.union": { "zh-CN": "不符合任何一种允许的写法。", en: "Matches none of the allowed forms." },
  "key.unknown": { "zh-CN": "没有名为“{key}”的设置项。", en: "There is no setting named “{key}”." },
  "range.order": { "zh-CN": "应大于最小值（{min}）。", en: "Must be greater than the minimum ({min})." },
  "calendar.when": {
    "zh-CN": "需要教学周、月份或“无确定时间”之一。",
    en: "Give a teaching week, a month or “no fixed time”.",
  },
} as const satisfies Record<string, Text>;
export type SettingIssueCode = keyof typeof SETTING_ISSUE_MESSAGES;

export function settingIssueMessage(code: SettingIssueCode, params: Readonly<Record<string, string | number>>, locale: Locale): string {
  return SETTING_ISSUE_MESSAGES[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** A field's label: the kind's own, then the shared one; undefined lets the schema's title or the key show. */
export function settingFieldLabel(kind: string, property: string, locale: Locale): { title: string; description?: string } | undefined {
  const label = SETTING_FIELD_LABELS[`${kind}:${property}`] ?? SETTING_FIELD_LABELS[property];
  if (!label) return undefined;
  return { title: label.title[locale], ...(label.description ? { description: label.description[locale] } : {}) };
}
