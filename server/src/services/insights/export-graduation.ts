import { AUDIT_STAGE_LABELS, type AuditStage, type Locale } from "@xueji/shared";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, graduationAudits, majors, students } from "../../db/schema";
import { writeTextWorkbook } from "../exports/write-text-workbook";

const WORDS = {
  "zh-CN": {
    title: "毕业资格审查名单",
    header: ["学号", "姓名", "学院", "专业", "结论", "学位", "未通过原因", "审核环节", "人工调整原因"],
    graduate: "毕业",
    complete: "结业",
    award: "授予",
    withhold: "不授予",
  },
  en: {
    title: "Graduation audit list",
    header: ["Student no.", "Name", "College", "Major", "Outcome", "Degree", "Reasons", "Stage", "Override reason"],
    graduate: "Graduate",
    complete: "Complete",
    award: "Award",
    withhold: "Withhold",
  },
} as const;

/** Reason codes as the audit lists them (shared/src/rules/graduation-audit.ts). */
const REASONS: Record<string, Record<Locale, string>> = {
  "credits-short": { "zh-CN": "学分不足", en: "Credits short" },
  "credits-unknown": { "zh-CN": "学分未知", en: "Credits unknown" },
  "failed-required": { "zh-CN": "必修课未通过", en: "Failed required courses" },
  "over-max-years": { "zh-CN": "超过最长修业年限", en: "Over the maximum years" },
  "identity-incomplete": { "zh-CN": "证书信息不全", en: "Certificate data incomplete" },
  "photo-missing": { "zh-CN": "缺少照片", en: "Photo missing" },
  "photo-dimensions": { "zh-CN": "照片尺寸不符", en: "Photo dimensions" },
  "photo-size": { "zh-CN": "照片大小不符", en: "Photo size" },
  "degree-not-graduated": { "zh-CN": "未毕业不授学位", en: "No degree without graduating" },
};

/** A cohort's audit results (overrides applied) as a text-only .xlsx, for 公示 and the degree committee. */
export async function exportGraduation(
  db: Db,
  options: { cohort: number; collegeId?: number | undefined; outcome?: "graduate" | "complete" | undefined },
  locale: Locale,
) {
  const outcome = sql<string>`coalesce(${graduationAudits.overrideOutcome}, ${graduationAudits.outcome})`;
  const degree = sql<string>`coalesce(${graduationAudits.overrideDegree}, ${graduationAudits.degree})`;
  const where: SQL[] = [eq(graduationAudits.cohort, options.cohort)];
  if (options.collegeId !== undefined) where.push(eq(graduationAudits.collegeId, options.collegeId));
  if (options.outcome) where.push(sql`${outcome} = ${options.outcome}`);
  const rows = await db
    .select({
      studentNo: students.studentNo,
      name: students.name,
      college: colleges.name,
      major: majors.name,
      outcome,
      degree,
      reasons: graduationAudits.reasons,
      stage: graduationAudits.stage,
      overrideReason: graduationAudits.overrideReason,
    })
    .from(graduationAudits)
    .innerJoin(students, eq(students.id, graduationAudits.studentId))
    .innerJoin(colleges, eq(colleges.id, graduationAudits.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .where(and(...where))
    .orderBy(asc(colleges.code), asc(students.studentNo));
  const w = WORDS[locale];
  const buffer = await writeTextWorkbook(
    w.title,
    w.header,
    rows.map((r) => [
      r.studentNo,
      r.name,
      r.college,
      r.major,
      w[r.outcome as "graduate" | "complete"] ?? r.outcome,
      w[r.degree as "award" | "withhold"] ?? r.degree,
      ((r.reasons ?? []) as Array<{ code: string }>).map((x) => REASONS[x.code]?.[locale] ?? x.code).join("；"),
      AUDIT_STAGE_LABELS[r.stage as AuditStage]?.[locale] ?? r.stage,
      r.overrideReason ?? "",
    ]),
    `${w.title}（${options.cohort}）`,
  );
  return { fileName: `${w.title}-${options.cohort}.xlsx`, base64: buffer.toString("base64"), rows: rows.length };
}
