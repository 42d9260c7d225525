import { MAX_STUDY_YEARS } from "../codes/level";

/**
 * The graduation and degree audit of one student (DOMAIN.md §6): credits against the programme,
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
}

export interface AuditRules {
  version: number;
  photo: { width: number; height: number; minBytes: number; maxBytes: number };
  /** Degree conditions beyond graduating, school-specific. */
  degree: { requireNoOutstandingFailures: boolean };
}

export const DEFAULT_AUDIT_RULES: AuditRules = {
  version: 1,
  photo: { width: 480, height: 640, minBytes: 1024, maxBytes: 100 * 1024 },
  degree: { requireNoOutstandingFailures: true },
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
  | { code: "degree-not-graduated" };

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

const CERTIFICATE_FIELDS = ["name", "gender", "birthDate", "majorName", "level", "duration", "studyForm", "enrolmentDate"];

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
  const max = MAX_STUDY_YEARS[input.level] ?? 6;
  const years = studyYears(input.enrolmentDate, input.graduationDate);
  if (years > max) reasons.push({ code: "over-max-years", years, max });

  const missing = CERTIFICATE_FIELDS.filter(
    (f) => input.identity[f] === null || input.identity[f] === undefined || input.identity[f] === "",
  );
  if (missing.length) data.push({ code: "identity-incomplete", fields: missing });
  const p = rules.photo;
  if (!input.photo) data.push({ code: "photo-missing" });
  else {
    if (input.photo.width !== p.width || input.photo.height !== p.height)
      data.push({ code: "photo-dimensions", width: input.photo.width, height: input.photo.height });
    if (input.photo.bytes < p.minBytes || input.photo.bytes > p.maxBytes) data.push({ code: "photo-size", bytes: input.photo.bytes });
  }

  const outcome = reasons.length === 0 ? "graduate" : "complete";
  const degreeReasons: AuditReason[] = [];
  if (outcome !== "graduate") degreeReasons.push({ code: "degree-not-graduated" });
  return {
    studentNo: input.studentNo,
    outcome,
    degree: degreeReasons.length === 0 ? "award" : "withhold",
    reasons: [...reasons, ...data],
    degreeReasons,
    dataComplete: data.length === 0,
  };
}

/** Stages of the cohort audit (DOMAIN.md §6). */
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
