import { FIELD_KEYS, SHEET_KINDS, SUBMISSION_STATES } from "@xueji/shared";
import { checkedIssueSchema, issueSchema, issueSummaryShape } from "@xueji/shared/wire/issue";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { sheetRows, sheetSubmissions } from "../../db/schema";
import { pageOutput } from "../paging";
import { day, when } from "../wire-values";

/** What the check-sheet procedures send, field by field (services/wire-values.ts: why named, never whole rows). */
export { receiptSchema as receiptOutput } from "@xueji/shared/wire/receipt";

export const validationOutput = z.object({
  kind: z.enum(SHEET_KINDS).nullable(),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ field: z.string(), header: z.string(), column: z.string() })),
  summary: z.object(issueSummaryShape),
  issues: z.array(checkedIssueSchema),
  /** The template in force lets this kind be submitted with errors (else 提交 waits until none is left). */
  allowSubmitWithErrors: z.boolean(),
});

export const checkRulesOutput = z.object({
  academicYear: z.string(),
  version: z.number(),
  ageLimits: z.object({ min: z.number(), max: z.number() }),
});

export const submissionListItem = z.object({
  id: z.string(),
  kind: z.enum(SHEET_KINDS),
  termCode: z.string(),
  collegeId: z.number(),
  collegeName: z.string(),
  version: z.number(),
  state: z.enum(SUBMISSION_STATES),
  rowCount: z.number(),
  rowsWithErrors: z.number(),
  errorCount: z.number(),
  warningCount: z.number(),
  submittedBy: z.string(),
  submittedAt: when,
  reviewReason: z.string().nullable(),
});

/** A submission as `sheets.get` shows it (not its content hash, which is for idempotency only). */
const submissionOutput = createSelectSchema(sheetSubmissions, { issueCounts: z.record(z.string(), z.number()) }).pick({
  id: true,
  clientId: true,
  kind: true,
  collegeId: true,
  termCode: true,
  version: true,
  fileName: true,
  templateVersion: true,
  rowCount: true,
  rowsWithErrors: true,
  errorCount: true,
  warningCount: true,
  infoCount: true,
  issueCounts: true,
  state: true,
  submittedBy: true,
  submittedAt: true,
  reviewedBy: true,
  reviewedAt: true,
  reviewReason: true,
});

export const submissionWithRowsOutput = z.object({
  submission: submissionOutput,
  /** The columns of the template version it was checked with, in its order, headed as that template heads them. */
  columns: z.array(z.object({ field: z.enum(FIELD_KEYS), header: z.string() })),
  rows: pageOutput(
    createSelectSchema(sheetRows, { issues: z.array(issueSchema.omit({ row: true })) }).pick({
      rowNumber: true,
      studentNo: true,
      values: true,
      issues: true,
      errorCount: true,
    }),
  ),
});

export const diffOutput = z.object({
  submissionId: z.string(),
  previousId: z.string().nullable(),
  collegeId: z.number(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ key: z.string(), fields: z.array(z.string()) })),
});

export const reviewOutput = z.object({
  submissionId: z.string(),
  state: z.enum(["accepted", "rejected"]),
  changed: z.boolean(),
  pendingItemsCreated: z.number(),
  recordsUpdated: z.number(),
});

export const sheetProgressOutput = z.array(
  z.object({
    collegeId: z.number(),
    collegeName: z.string(),
    task: z.string(),
    taskName: z.object({ "zh-CN": z.string(), en: z.string() }),
    kind: z.enum(SHEET_KINDS).optional(),
    dueOn: day,
    state: z.enum(["missing", "submitted", "accepted", "rejected"]),
    version: z.number().nullable(),
    overdue: z.boolean(),
  }),
);

export const termSheetProgressOutput = z.object({ termCode: z.string().nullable(), rows: sheetProgressOutput });
