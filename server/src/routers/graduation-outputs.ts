import { z } from "zod";
import { pageOutput } from "../services/paging";

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
