import type { FieldKey } from "../sheets/fields";
import type { SheetKind } from "../sheets/templates";
import type { Locale } from "./locale";

/** The documents of 证件类型 (fields/id-number.ts DocumentKind) as messages name them. */
export const DOCUMENT_LABELS: Readonly<Record<string, Record<Locale, string>>> = {
  resident: { "zh-CN": "居民身份证", en: "resident ID card" },
  "hk-macao-pass": { "zh-CN": "港澳居民来往内地通行证", en: "Mainland Travel Permit for Hong Kong and Macao Residents" },
  "taiwan-pass": { "zh-CN": "台湾居民来往大陆通行证", en: "Mainland Travel Permit for Taiwan Residents" },
  "permit-hkmotw": { "zh-CN": "港澳台居民居住证", en: "Residence Permit for Hong Kong, Macao and Taiwan Residents" },
  "foreign-permanent": { "zh-CN": "外国人永久居留身份证", en: "Foreign Permanent Resident ID Card" },
  passport: { "zh-CN": "护照", en: "passport" },
};

/** Each document's number format, as the refusal states it. */
export const DOCUMENT_FORMATS: Readonly<Record<string, Record<Locale, string>>> = {
  resident: { "zh-CN": "18 位", en: "18 characters" },
  "hk-macao-pass": { "zh-CN": "H 或 M 后接 8 位数字（旧证 10 位）", en: "H or M followed by 8 digits (10 on the older permit)" },
  "taiwan-pass": { "zh-CN": "8 位数字", en: "8 digits" },
  "permit-hkmotw": {
    "zh-CN": "18 位，以 810000（香港）、820000（澳门）或 830000（台湾）开头",
    en: "18 characters starting 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)",
  },
  "foreign-permanent": { "zh-CN": "18 位，以 9 开头", en: "18 characters starting with 9" },
  passport: { "zh-CN": "5–17 位字母和数字", en: "5–17 letters and digits" },
};

/** Field names as messages say them. Issue params carry the key; the message shows the label. */
export const FIELD_LABELS: Readonly<Record<FieldKey, Record<Locale, string>>> = {
  studentNo: { "zh-CN": "学号", en: "Student number" },
  examNo: { "zh-CN": "考生号", en: "Exam number" },
  name: { "zh-CN": "姓名", en: "Name" },
  gender: { "zh-CN": "性别", en: "Gender" },
  birthDate: { "zh-CN": "出生日期", en: "Birth date" },
  ethnicity: { "zh-CN": "民族", en: "Ethnicity" },
  politicalStatus: { "zh-CN": "政治面貌", en: "Political status" },
  idType: { "zh-CN": "证件类型", en: "Document type" },
  idNumber: { "zh-CN": "身份证号", en: "ID number" },
  college: { "zh-CN": "学院", en: "College" },
  majorCode: { "zh-CN": "专业代码", en: "Major code" },
  majorName: { "zh-CN": "专业名称", en: "Major" },
  className: { "zh-CN": "班级", en: "Class" },
  level: { "zh-CN": "层次", en: "Level" },
  duration: { "zh-CN": "学制", en: "Normal duration" },
  studyForm: { "zh-CN": "学习形式", en: "Study form" },
  enrolmentDate: { "zh-CN": "入学日期", en: "Enrolment date" },
  expectedGraduationDate: { "zh-CN": "预计毕业日期", en: "Expected graduation date" },
  registrationStatus: { "zh-CN": "注册状态", en: "Registration status" },
  term: { "zh-CN": "学期", en: "Term" },
  courseCode: { "zh-CN": "课程代码", en: "Course code" },
  courseName: { "zh-CN": "课程名称", en: "Course" },
  credits: { "zh-CN": "学分", en: "Credits" },
  courseNature: { "zh-CN": "课程性质", en: "Course type" },
  score: { "zh-CN": "成绩", en: "Score" },
  examType: { "zh-CN": "考核类型", en: "Exam type" },
  confirmed: { "zh-CN": "学生确认", en: "Student confirmation" },
  reason: { "zh-CN": "退学原因", en: "Reason" },
  evidence: { "zh-CN": "佐证材料", en: "Evidence" },
  examTerm: { "zh-CN": "考试学期", en: "Exam term" },
  studentStatus: { "zh-CN": "学籍状态", en: "Student status" },
  grade: { "zh-CN": "年级", en: "Grade" },
  admissionType: { "zh-CN": "入学方式", en: "Admission type" },
  phone: { "zh-CN": "联系电话", en: "Phone" },
  address: { "zh-CN": "家庭住址", en: "Home address" },
  gpa: { "zh-CN": "平均学分绩点", en: "GPA" },
  discipline: { "zh-CN": "处分", en: "Disciplinary sanction" },
};

/**
 * The spreadsheet a message names where it blames the software (`{app}`): the pane's host, and in file
 * mode either, since the file may come from both (WPS 表格 keeps 15 significant digits as Excel does).
 */
export type Spreadsheet = "excel" | "wps" | "file";

export const SPREADSHEET_LABELS: Readonly<Record<Spreadsheet, Record<Locale, string>>> = {
  excel: { "zh-CN": "Excel", en: "Excel" },
  wps: { "zh-CN": "WPS 表格", en: "WPS Spreadsheets" },
  file: { "zh-CN": "Excel 或 WPS 表格", en: "Excel or WPS Spreadsheets" },
};

export const SHEET_LABELS: Readonly<Record<SheetKind, Record<Locale, string>>> = {
  "roster-new": { "zh-CN": "新生学籍电子注册信息核对表", en: "new-student registration check sheet" },
  "roster-returning": { "zh-CN": "在校生学年电子注册信息核对表", en: "returning-student registration check sheet" },
  "failed-courses": { "zh-CN": "不及格课程信息核对表", en: "failed-course check sheet" },
  graduates: { "zh-CN": "毕业生信息核对表", en: "graduate check sheet" },
  dismissal: { "zh-CN": "退学处理申报表", en: "dismissal list" },
};

/**
 * Each sheet's one name in a language, as a screen titles it (in English with a capital): the pane and the
 * dashboard call a sheet what the server's messages and the seeds call it (seed 004's 新生学籍电子注册信息核对表 …).
 */
export function sheetNames(locale: Locale): Record<SheetKind, string> {
  const name = (text: string) => (locale === "en" ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text);
  return Object.fromEntries(Object.entries(SHEET_LABELS).map(([kind, label]) => [kind, name(label[locale])])) as Record<SheetKind, string>;
}
