import { DISCIPLINE } from "../codes/discipline";
import type { AuditReason } from "../rules/graduation-audit";
import type { Locale } from "./locale";

/** The outcomes of the standing rules (seed 000 九), as the reader names them. */
export const STANDING_OUTCOME_LABELS = {
  "warning-1": { "zh-CN": "一级学业警示", en: "level-1 academic warning" },
  "warning-2": { "zh-CN": "二级学业警示", en: "level-2 academic warning" },
  repeat: { "zh-CN": "留级", en: "repeating the year" },
  dismissal: { "zh-CN": "退学", en: "dismissal" },
  none: { "zh-CN": "无", en: "none" },
} as const satisfies Record<string, Record<Locale, string>>;

export type StandingOutcome = keyof typeof STANDING_OUTCOME_LABELS;

/** What a change of the standing rules would do, one sentence per move, in the reader's language. */
export function standingPreviewSummary(
  changes: ReadonlyArray<{ from: StandingOutcome; to: StandingOutcome; count: number }>,
  locale: Locale,
): string {
  if (changes.length === 0) return locale === "zh-CN" ? "没有变化" : "No change";
  const name = (o: StandingOutcome) => STANDING_OUTCOME_LABELS[o][locale];
  const sentences = changes.map(({ from, to, count }) => {
    if (locale === "zh-CN") {
      if (from === "none") return `${count} 名学生新增${name(to)}`;
      if (to === "none") return `${count} 名学生不再${name(from)}`;
      return `${count} 名学生由${name(from)}变为${name(to)}`;
    }
    const students = count === 1 ? "1 student" : `${count} students`;
    if (from === "none") return `${students} newly ${count === 1 ? "gets" : "get"} ${name(to)}`;
    if (to === "none") return `${students} no longer ${count === 1 ? "gets" : "get"} ${name(from)}`;
    return `${students} move from ${name(from)} to ${name(to)}`;
  });
  return sentences.join(locale === "zh-CN" ? "；" : "; ");
}

/** Why a student does not graduate or get the degree (毕业/学位资格审查), in the reader's language. */
export function graduationReasonText(reason: AuditReason, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (reason.code) {
    case "credits-short":
      return zh
        ? `已获学分 ${reason.earned}，未达到毕业要求的 ${reason.required} 学分`
        : `${reason.earned} credits earned, short of the ${reason.required} required`;
    case "credits-unknown":
      return zh ? "教务系统没有该生的已获学分" : "The academic system reports no earned credits";
    case "failed-required":
      return zh ? `有 ${reason.count} 门必修课程补考后仍不合格` : `${reason.count} required courses still failed after the make-up`;
    case "over-max-years":
      return zh
        ? `在校 ${reason.years} 年，超过最长学习年限 ${reason.max} 年`
        : `${reason.years} years of study, beyond the maximum of ${reason.max}`;
    case "identity-incomplete":
      return zh ? `身份信息不全：${reason.fields.join("、")}` : `Identity data incomplete: ${reason.fields.join(", ")}`;
    case "photo-missing":
      return zh ? "缺少毕业证照片" : "No graduation photo";
    case "photo-dimensions":
      return zh
        ? `照片尺寸 ${reason.width}×${reason.height} 不符合要求`
        : `The photo is ${reason.width}×${reason.height}, not the required size`;
    case "photo-size":
      return zh ? `照片文件大小 ${reason.bytes} 字节不符合要求` : `The photo file is ${reason.bytes} bytes, outside the allowed size`;
    case "degree-not-graduated":
      return zh ? "未毕业，不授予学位" : "No degree without graduating";
    case "degree-level":
      // seed 000 六.3/六.5, seed 001 七: the degree is the 学士学位; 专科 and 预科 have none.
      return zh ? "专科、预科学生不授予学士学位" : "No bachelor's degree at this level (专科/预科)";
    case "degree-too-late":
      // seed 000 六.5: 学位证超过两年不再补授 — counted from leaving (离校).
      return zh
        ? `离校已 ${reason.years} 年，超过 ${reason.limit} 年不再补授学位`
        : `${reason.years} years since leaving, beyond the ${reason.limit}-year limit for a degree`;
    case "degree-failed-required":
      return zh ? `有 ${reason.count} 门必修课程仍不合格，不授予学位` : `${reason.count} required courses still failed: no degree`;
    case "degree-condition": {
      const actual = factText(reason.fact, reason.actual);
      const required = reason.required.replace(/^([≥≤=])(.*)$/, (_m, op: string, value: string) => `${op}${factText(reason.fact, value)}`);
      return zh
        ? `学位条件“${reason.name?.[locale] || reason.condition}”未满足：${actual ? `为 ${actual}` : "无数据"}，要求 ${required}`
        : `Degree condition “${reason.name?.[locale] || reason.condition}” not met: ${actual || "no data"}, required ${required}`;
    }
  }
}

/** A fact as the registrar knows it: a 处分 by its name (0018), not its code — 留校察看, not 4. */
function factText(fact: string, value: string): string {
  if (fact !== "discipline" || !value) return value;
  const entry = DISCIPLINE.entries.find((e) => e.code === value);
  return entry ? entry.name : value;
}
