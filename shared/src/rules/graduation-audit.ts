import { MAX_STUDY_YEARS } from "../codes/level";
import type { Locale } from "../messages/locale";

/**
 * The graduation and degree audit of one student (docs/domain.md §6): credits against the programme,
 * outstanding failed required courses, the maximum study years (seed 000 六.5: 专科 5, 本科 6),
 * the certificate registration fields (seed 003 第十五条) and the photo (seed 000 四: 480×640 px,
 * 1 KB–100 KB). Outcome 毕业 or 结业, and 授予学位 or not, each with its reasons.
 */
export interface AuditInput {
  studentNo: string;
  level: string;
  enrolmentDate: string;
  /** The date the cohort graduates (毕业日期). */
  graduationDate: string;
  creditsEarned: number | null;
  creditsRequired: number;
  /** Failed required courses not cleared by a make-up or retake. */
  outstandingRequiredFailures: number;
  /** Certificate fields that are present (name, gender, birthDate, major, level, duration, studyForm, enrolmentDate). */
  identity: Readonly<Record<string, string | number | null | undefined>>;
  photo: { width: number; height: number; bytes: number } | null;
  /** 学制 in years. */
  duration?: number;
  /**
   * The day the student left the school (离校: the 结业 or 毕业 certificate's date), for a degree decided later —
   * 结业换毕业 or 学位补授. Seed 000 六.5 “学位证超过两年不再补授” counts from it; absent at the first audit,
   * where the student leaves on the graduation date itself.
   */
  leftOn?: string | null;
  /** Data the degree conditions read: from the record (gpa, earnedCredits …) or a sheet (cet4 …). */
  facts?: Readonly<Record<string, number | string | boolean | null | undefined>>;
}

/**
 * A school's degree condition (学位授予条件) read from one fact of the student: at least, at most or
 * exactly a value. The seeds name none but the time limit; schools add GPA, CET-4, no 处分 ….
 */
export interface DegreeCondition {
  key: string;
  name: Record<Locale, string>;
  fact: string;
  op: "min" | "max" | "equals";
  value: number | string | boolean;
}

export interface AuditRules {
  version: number;
  /** Maximum study years by level (seed 000 六.5: 专科五年、本科六年); past them only 结业. */
  maxStudyYears: Readonly<Record<string, number>>;
  photo: { width: number; height: number; minBytes: number; maxBytes: number };
  degree: {
    requireNoOutstandingFailures: boolean;
    /** seed 000 六.5 “学位证超过两年不再补授”: no degree awarded later than this many years after leaving (离校). */
    maxYearsAfterLeaving: number;
    conditions: readonly DegreeCondition[];
  };
  /** What the certificate carries besides the student (seed 003 第十五条: 学校名称、校（院）长姓名及证书编号). */
  certificate: CertificateSchool;
}

/** The school on its certificates; the number's prefix (docs/domain.md §6: 5-digit school code, 1-digit 办学类型). */
export interface CertificateSchool {
  schoolName: string;
  schoolCode: string;
  presidentName: string;
  /** 办学类型: 1 普通高等教育, 5 成人, 6 自考, 7 网络. */
  schoolType: "1" | "5" | "6" | "7";
}

export const DEFAULT_AUDIT_RULES: AuditRules = {
  version: 1,
  maxStudyYears: MAX_STUDY_YEARS,
  photo: { width: 480, height: 640, minBytes: 1024, maxBytes: 100 * 1024 },
  degree: { requireNoOutstandingFailures: true, maxYearsAfterLeaving: 2, conditions: [] },
  // Each school enters its own name, code and president; executing an audit refuses until it has.
  certificate: { schoolName: "", schoolCode: "", presidentName: "", schoolType: "1" },
};

export type AuditReason =
  | { code: "credits-short"; earned: number; required: number }
  | { code: "credits-unknown" }
  | { code: "failed-required"; count: number }
  | { code: "over-max-years"; years: number; max: number }
  | { code: "identity-incomplete"; fields: string[] }
  | { code: "photo-missing" }
  | { code: "photo-dimensions"; width: number; height: number }
  | { code: "photo-size"; bytes: number }
  | { code: "degree-not-graduated" }
  | { code: "degree-level"; level: string }
  | { code: "degree-too-late"; years: number; limit: number }
  | { code: "degree-failed-required"; count: number }
  | {
      code: "degree-condition";
      condition: string;
      fact: string;
      actual: string;
      required: string;
      /** The condition's name as the school wrote it, so the reason reads 平均学分绩点, not gpa. */
      name?: Record<Locale, string>;
    };

export interface AuditResult {
  studentNo: string;
  outcome: "graduate" | "complete";
  degree: "award" | "withhold";
  /** Why not 毕业 (or why the certificate cannot yet be registered). */
  reasons: AuditReason[];
  degreeReasons: AuditReason[];
  /** Certificate data and photo complete (seed 003 第十五条: otherwise 学信网 shows nothing). */
  dataComplete: boolean;
}

/**
 * Levels whose graduates may be awarded a degree. The degree here is the 学士学位 (seed 000 六.3
 * 《学士学位申请表》, 六.5; seed 001 七 授位资格): 本科, 专升本 and 第二学士学位 (and a 研究生's own degree);
 * a 专科 or 预科 student graduates without one, and their degree conditions are never asked.
 */
const DEGREE_LEVELS: ReadonlySet<string> = new Set(["01", "02", "04", "05", "15"]);
export function levelAwardsDegree(level: string): boolean {
  return DEGREE_LEVELS.has(level);
}

/**
 * The 学历注册信息 of the student (seed 003 第十五条: 姓名、性别、出生日期、照片；学习起止年月；专业、层次、学制、学习形式) and
 * the 身份证号 学信网 registers it under; a certificate is numbered only when all are there.
 */
export const CERTIFICATE_FIELDS = [
  "name",
  "gender",
  "birthDate",
  "idNumber",
  "majorName",
  "level",
  "duration",
  "studyForm",
  "enrolmentDate",
];

export type CertificateDataProblem = Extract<
  AuditReason,
  { code: "identity-incomplete" | "photo-missing" | "photo-dimensions" | "photo-size" }
>;

/**
 * What keeps a student's certificate from being registered (seed 003 第十五条 “信息不完整的中国高等教育学生信息网不提供网上
 * 查询服务”): missing certificate fields, named, and the photo missing or out of the measurements (seed 000 四). The audit
 * and the execution plan both ask it, the plan of the record as it is when the numbers are given.
 */
export function certificateDataProblems(
  identity: AuditInput["identity"],
  photo: AuditInput["photo"],
  p: AuditRules["photo"] = DEFAULT_AUDIT_RULES.photo,
): CertificateDataProblem[] {
  const data: CertificateDataProblem[] = [];
  const missing = CERTIFICATE_FIELDS.filter((f) => identity[f] === null || identity[f] === undefined || identity[f] === "");
  if (missing.length) data.push({ code: "identity-incomplete", fields: missing });
  if (!photo) data.push({ code: "photo-missing" });
  else {
    if (photo.width !== p.width || photo.height !== p.height)
      data.push({ code: "photo-dimensions", width: photo.width, height: photo.height });
    if (photo.bytes < p.minBytes || photo.bytes > p.maxBytes) data.push({ code: "photo-size", bytes: photo.bytes });
  }
  return data;
}

function studyYears(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round((ms / (365.25 * 86_400_000)) * 10) / 10;
}

export function auditGraduate(input: AuditInput, rules: AuditRules = DEFAULT_AUDIT_RULES): AuditResult {
  const reasons: AuditReason[] = [];
  const data: AuditReason[] = [];
  if (input.creditsEarned === null) reasons.push({ code: "credits-unknown" });
  else if (input.creditsEarned < input.creditsRequired)
    reasons.push({ code: "credits-short", earned: input.creditsEarned, required: input.creditsRequired });
  if (input.outstandingRequiredFailures > 0) reasons.push({ code: "failed-required", count: input.outstandingRequiredFailures });
  const max = rules.maxStudyYears[input.level] ?? MAX_STUDY_YEARS[input.level] ?? 6;
  const years = studyYears(input.enrolmentDate, input.graduationDate);
  if (years > max) reasons.push({ code: "over-max-years", years, max });

  data.push(...certificateDataProblems(input.identity, input.photo, rules.photo));

  const outcome = reasons.length === 0 ? "graduate" : "complete";
  const degreeReasons: AuditReason[] = [];
  if (!levelAwardsDegree(input.level)) degreeReasons.push({ code: "degree-level", level: input.level });
  else if (outcome !== "graduate") degreeReasons.push({ code: "degree-not-graduated" });
  else degreeReasons.push(...degreeConditions(input, rules));
  return {
    studentNo: input.studentNo,
    outcome,
    degree: degreeReasons.length === 0 ? "award" : "withhold",
    reasons: [...reasons, ...data],
    degreeReasons,
    dataComplete: data.length === 0,
  };
}

/** The degree's own rules, for a student who graduates (seed 000 六.5 and the school's conditions). */
function degreeConditions(input: AuditInput, rules: AuditRules): AuditReason[] {
  const out: AuditReason[] = [];
  // Counted from leaving (离校), not from enrolment: a slow 专升本 student graduating in time still gets the degree.
  if (input.leftOn) {
    const since = studyYears(input.leftOn, input.graduationDate);
    const limit = rules.degree.maxYearsAfterLeaving ?? 2;
    if (since > limit) out.push({ code: "degree-too-late", years: since, limit });
  }
  if (rules.degree.requireNoOutstandingFailures && input.outstandingRequiredFailures > 0)
    out.push({ code: "degree-failed-required", count: input.outstandingRequiredFailures });
  for (const c of rules.degree.conditions) {
    const actual = input.facts?.[c.fact];
    const met =
      actual !== null &&
      actual !== undefined &&
      (c.op === "equals"
        ? String(actual) === String(c.value)
        : c.op === "min"
          ? Number(actual) >= Number(c.value)
          : Number(actual) <= Number(c.value));
    if (!met)
      out.push({
        code: "degree-condition",
        condition: c.key,
        fact: c.fact,
        actual: actual === null || actual === undefined ? "" : String(actual),
        required: `${c.op === "min" ? "≥" : c.op === "max" ? "≤" : "="}${c.value}`,
        name: c.name,
      });
  }
  return out;
}

/** Stages of the cohort audit (docs/domain.md §6). */
export const AUDIT_STAGES = [
  "college-review",
  "registrar-review",
  "public-notice",
  "degree-committee",
  "certificates",
  "reported",
] as const;
export type AuditStage = (typeof AUDIT_STAGES)[number];
export const AUDIT_STAGE_LABELS: Readonly<Record<AuditStage, Record<"zh-CN" | "en", string>>> = {
  "college-review": { "zh-CN": "学院初审", en: "College review" },
  "registrar-review": { "zh-CN": "教务处复审", en: "Registrar review" },
  "public-notice": { "zh-CN": "公示", en: "Public notice" },
  "degree-committee": { "zh-CN": "学位委员会", en: "Degree committee" },
  certificates: { "zh-CN": "证书制作", en: "Certificates" },
  reported: { "zh-CN": "上报", en: "Reported" },
};

/** What each audit reason is called where a message names it. */
export const AUDIT_REASON_LABELS: Readonly<Record<AuditReason["code"], Record<"zh-CN" | "en", string>>> = {
  "credits-short": { "zh-CN": "学分不足", en: "credits short" },
  "credits-unknown": { "zh-CN": "已修学分未知", en: "credits earned unknown" },
  "failed-required": { "zh-CN": "有未通过的必修课", en: "failed required courses" },
  "over-max-years": { "zh-CN": "超过最长学习年限", en: "past the maximum study years" },
  "identity-incomplete": { "zh-CN": "证书信息不完整", en: "certificate data incomplete" },
  "photo-missing": { "zh-CN": "缺少毕业照片", en: "no graduate photo" },
  "photo-dimensions": { "zh-CN": "照片尺寸不符", en: "photo dimensions wrong" },
  "photo-size": { "zh-CN": "照片大小不符", en: "photo file size wrong" },
  "degree-not-graduated": { "zh-CN": "未毕业", en: "not graduating" },
  "degree-level": { "zh-CN": "该层次不授予学士学位", en: "no degree at this level" },
  "degree-too-late": { "zh-CN": "离校超过两年不再补授学位", en: "more than two years after leaving" },
  "degree-failed-required": { "zh-CN": "有未通过的必修课", en: "failed required courses" },
  "degree-condition": { "zh-CN": "未达学位授予条件", en: "a degree condition not met" },
};
