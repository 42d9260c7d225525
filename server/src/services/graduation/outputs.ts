import { auditReasonSchema } from "@xueji/shared/wire/audit-reason";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { graduationAudits } from "../../db/schema";
import { AUDIT_STAGES, DEGREE_DECISIONS, GRADUATION_OUTCOMES } from "../../db/schema/enums";
import { pageOutput } from "../paging";

/** What these procedures send, field by field (services/wire-values.ts: why named, never whole rows). */
const auditReasons = z.array(auditReasonSchema);

export const cohortRunOutput = z.object({ audited: z.number(), graduate: z.number(), complete: z.number() });

export const graduationSummaryOutput = z.array(
  z.object({
    collegeId: z.number(),
    stage: z.enum(AUDIT_STAGES),
    students: z.number(),
    graduate: z.number(),
    complete: z.number(),
    degree: z.number(),
    dataIncomplete: z.number(),
    reasons: z.record(z.string(), z.number()),
  }),
);

export const graduationListItem = z.object({
  id: z.number(),
  studentNo: z.string(),
  name: z.string(),
  collegeId: z.number(),
  outcome: z.enum(GRADUATION_OUTCOMES),
  degree: z.enum(DEGREE_DECISIONS),
  reasons: auditReasons,
  /** The reasons in the reader's language. */
  reasonTexts: z.array(z.string()),
  /** Why no degree (专科: the level alone, never the degree conditions), in the reader's language. */
  degreeReasons: auditReasons,
  degreeReasonTexts: z.array(z.string()),
  stage: z.enum(AUDIT_STAGES),
  overrideOutcome: z.enum(GRADUATION_OUTCOMES).nullable(),
  overrideDegree: z.enum(DEGREE_DECISIONS).nullable(),
  overrideReason: z.string().nullable(),
  status: z.string(),
  /** 层次 code (06 专科 …). */
  level: z.string(),
  gpa: z.number().nullable(),
  /** 处分 as its 0018 code (0 无). */
  discipline: z.string().nullable(),
});

export const graduationAuditOutput = createSelectSchema(graduationAudits, { reasons: auditReasons, degreeReasons: auditReasons }).pick({
  id: true,
  cohort: true,
  studentId: true,
  collegeId: true,
  outcome: true,
  degree: true,
  reasons: true,
  degreeReasons: true,
  dataComplete: true,
  rulesVersion: true,
  stage: true,
  overrideOutcome: true,
  overrideDegree: true,
  overrideReason: true,
  overrideBy: true,
  computedAt: true,
});

export const stageMoveOutput = z.object({ stage: z.enum(AUDIT_STAGES), students: z.number() });

/** Why a student of an approved list is not carried out (services/graduation/plan-execution.ts). */
export const executionRefusal = z.union([
  z.object({ code: z.literal("status"), status: z.string() }),
  z.object({ code: z.literal("level"), level: z.string() }),
  z.object({ code: z.literal("identity-incomplete"), fields: z.array(z.string()) }),
  z.object({ code: z.literal("photo-missing") }),
  z.object({ code: z.literal("photo-dimensions"), width: z.number(), height: z.number() }),
  z.object({ code: z.literal("photo-size"), bytes: z.number() }),
]);

export const executionPreviewItem = z.object({
  auditId: z.number(),
  studentNo: z.string(),
  name: z.string(),
  majorName: z.string(),
  status: z.string(),
  /** The status executing sets; null when it sets none (refused, or carried out before). */
  to: z.string().nullable(),
  degree: z.enum(["award", "withhold"]),
  state: z.enum(["planned", "refused", "done"]),
  /** The number it would issue (planned) or issued (done). */
  certificateNo: z.string().nullable(),
  refusals: z.array(executionRefusal),
});

export const executionPreviewOutput = pageOutput(executionPreviewItem).extend({
  approved: z.boolean(),
  graduationDate: z.string(),
  totals: z.object({ students: z.number(), graduate: z.number(), complete: z.number(), refused: z.number(), done: z.number() }),
});

export const certificateListItem = z.object({
  certificateNo: z.string(),
  kind: z.enum(["graduation", "completion"]),
  studentNo: z.string(),
  name: z.string(),
  collegeId: z.number(),
  collegeName: z.string(),
  majorName: z.string(),
  issueDate: z.string(),
  degreeAwarded: z.boolean(),
  noticeNo: z.string().nullable(),
  /** 换发/作废 from this day (结业换毕业); null while the certificate is in force. */
  voidedOn: z.string().nullable(),
  /** 学位补授: the day the degree was awarded after the certificate. */
  degreeAwardedOn: z.string().nullable(),
});
