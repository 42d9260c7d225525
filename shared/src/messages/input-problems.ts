import type { Locale } from "./locale";

/**
 * Why a request's data was refused, one entry per kind of problem (zod's issue codes and the
 * server's own checks), so that an English reader never gets Chinese and a Chinese reader never
 * gets zod's English. `{path}` names the field as sent (e.g. `items.3.applicationId`).
 */
export const INPUT_PROBLEMS = {
  invalid_type: { "zh-CN": "“{path}”的类型不对（应为 {expected}）", en: "“{path}” has the wrong type (expected {expected})" },
  too_big: { "zh-CN": "“{path}”超出上限 {maximum}", en: "“{path}” is above the limit of {maximum}" },
  too_small: { "zh-CN": "“{path}”低于下限 {minimum}", en: "“{path}” is below the minimum of {minimum}" },
  invalid_format: { "zh-CN": "“{path}”的格式不对", en: "“{path}” is not in the expected format" },
  invalid_value: { "zh-CN": "“{path}”不是允许的取值", en: "“{path}” is not one of the allowed values" },
  unrecognized_keys: { "zh-CN": "“{path}”含有未知的字段", en: "“{path}” has fields that are not known" },
  invalid_union: { "zh-CN": "“{path}”的内容不对", en: "“{path}” is not valid" },
  invalid_key: { "zh-CN": "“{path}”含有无效的键", en: "“{path}” has a key that is not valid" },
  invalid_element: { "zh-CN": "“{path}”含有无效的元素", en: "“{path}” has an element that is not valid" },
  not_multiple_of: { "zh-CN": "“{path}”的取值不对", en: "“{path}” is not a valid value" },
  custom: { "zh-CN": "“{path}”的内容不对", en: "“{path}” is not valid" },
  "not-integer-id": {
    "zh-CN": "“{path}”应为不超过 2147483647 的正整数",
    en: "“{path}” must be a whole number from 1 to 2147483647",
  },
  "nul-character": {
    "zh-CN": "“{path}”含有不允许的空字符（NUL）",
    en: "“{path}” contains a NUL character, which is not allowed",
  },
  "lone-surrogate": {
    "zh-CN": "“{path}”含有无效的 Unicode 字符（孤立代理项）",
    en: "“{path}” contains an invalid Unicode character (a lone surrogate)",
  },
  // What the database refused after every field check passed: the request's fault, said as such.
  "out-of-range": {
    "zh-CN": "请求中有超出允许范围的值（如过大的编号或数据库无法保存的日期）",
    en: "a value in the request is out of range (such as an id too large, or a date that cannot be stored)",
  },
  "unknown-reference": {
    "zh-CN": "请求引用的学院、专业或其他对象不存在",
    en: "the request refers to a college, major or other item that does not exist",
  },
  cursor: { "zh-CN": "分页位置无效或已过期，请从第一页重新加载", en: "the page cursor is not valid; reload from the first page" },
  "not-json": { "zh-CN": "请求内容不是有效的 JSON", en: "the request body is not valid JSON" },
  "too-large": { "zh-CN": "请求内容过大", en: "the request is too large" },
  date: { "zh-CN": "日期应写作“2026-11-23”", en: "the date must look like 2026-11-23" },
  "academic-year": { "zh-CN": "学年应写作“2025-2026”", en: "the academic year must look like 2025-2026" },
  ids: { "zh-CN": "请给出 1 到 {maximum} 个申请编号", en: "give between 1 and {maximum} application ids" },
  "setting-key": { "zh-CN": "设置项“{key}”不存在", en: "there is no setting “{key}”" },
  "review-reason": { "zh-CN": "退回须说明理由", en: "a rejection needs a reason" },
  request: { "zh-CN": "请求格式不对", en: "the request is malformed" },
  // What a 转专业, 降级 or 身份信息变更 may ask for (docs/domain.md §4): checked against the student's college and major.
  "unknown-major": { "zh-CN": "转入专业不存在", en: "the major does not exist" },
  "same-major": { "zh-CN": "转入专业与现专业相同", en: "the student is already in that major" },
  "class-not-in-new-major": {
    "zh-CN": "班级不是转入专业 {grade} 级的班级",
    en: "the class is not one of the new major's {grade} intake",
  },
  "class-not-in-own-major": {
    "zh-CN": "班级不是该生本专业 {grade} 级的班级",
    en: "the class is not one of the student's own major's {grade} intake",
  },
  "later-grade": { "zh-CN": "降级后的年级应晚于现年级，且至多晚三级", en: "the new grade must be one to three years later" },
  "nothing-to-change": { "zh-CN": "没有要修改的身份信息", en: "there is nothing to change" },
  "id-number": { "zh-CN": "新的身份证号无效", en: "the new ID number is not valid" },
  "document-type": {
    "zh-CN": "证件类型应为居民身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证、港澳台居民居住证、外国人永久居留身份证或护照",
    en: "the document type must be a resident ID card, a travel permit of Hong Kong, Macao or Taiwan residents, a residence permit, a foreign permanent resident ID card or a passport",
  },
  "not-an-id": { "zh-CN": "“{path}”应为编号", en: "“{path}” must be an id" },
  "future-date": { "zh-CN": "日期不能晚于今天", en: "the date cannot be later than today" },
  "setting-version": { "zh-CN": "该设置没有第 {version} 版", en: "the setting has no version {version}" },
  "file-too-large": { "zh-CN": "文件超过 {mb} MB", en: "the file is larger than {mb} MB" },
  // The secretary's column mapping (`columns.E` → a field): see sheets/column-override.ts.
  "column-letter": {
    "zh-CN": "“{path}”不是工作表中的列（列应写作 A、B … 这样的列字母）",
    en: "“{path}” is not a column of the sheet (columns are letters such as A, B …)",
  },
  "column-field": { "zh-CN": "“{path}”所选的字段不存在", en: "“{path}” names a field that does not exist" },
  "column-duplicate": {
    "zh-CN": "“{path}”所选的字段已指定给另一列，一个字段只能对应一列",
    en: "“{path}” names a field already given to another column; a field can have only one column",
  },
} satisfies Record<string, Record<Locale, string>>;

export type InputProblem = keyof typeof INPUT_PROBLEMS;

export function isInputProblem(value: unknown): value is InputProblem {
  return typeof value === "string" && Object.hasOwn(INPUT_PROBLEMS, value);
}

/** The problem in the reader's language, with its own `{…}` parameters filled in. */
export function formatInputProblem(problem: InputProblem, params: Readonly<Record<string, string | number>>, locale: Locale): string {
  return INPUT_PROBLEMS[problem][locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return name === "path" ? "(root)" : whole;
    return String(value);
  });
}
