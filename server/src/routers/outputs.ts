import { z } from "zod";
import { SHEET_KINDS } from "../db/schema/enums";
import { pageOutput } from "../services/paging";

/**
 * What each procedure may send, field by field (issue 7 item 4): `.output()` parses every answer
 * with these shapes, and zod's objects drop any key not named here, so a column added to a table or
 * a select leaves the server only when someone adds it on purpose. ID numbers in them are already
 * masked by role in the services.
 */
const when = z.date();
const day = z.string();
const json = z.unknown();

export const issueOutput = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  suggestion: z.string().optional(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
});

const issueSummary = {
  rows: z.number(),
  rowsWithErrors: z.number(),
  errors: z.number(),
  warnings: z.number(),
  infos: z.number(),
  byCode: z.record(z.string(), z.number()),
};

const sheetKind = z.enum(SHEET_KINDS);

export const validationOutput = z.object({
  kind: sheetKind.nullable(),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ field: z.string(), header: z.string(), column: z.string() })),
  summary: z.object(issueSummary),
  issues: z.array(issueOutput.extend({ message: z.string() })),
});

export const receiptOutput = z.object({
  submissionId: z.string(),
  clientId: z.string(),
  kind: sheetKind,
  termCode: z.string(),
  collegeId: z.number(),
  version: z.number(),
  state: z.string(),
  rowsAccepted: z.number(),
  duplicate: z.boolean(),
  ...issueSummary,
});

export const submissionListItem = z.object({
  id: z.string(),
  kind: sheetKind,
  termCode: z.string(),
  collegeId: z.number(),
  collegeName: z.string(),
  version: z.number(),
  state: z.string(),
  rowCount: z.number(),
  rowsWithErrors: z.number(),
  errorCount: z.number(),
  warningCount: z.number(),
  submittedBy: z.string(),
  submittedAt: when,
  reviewReason: z.string().nullable(),
});

/** A submission as `sheets.get` shows it (not its content hash, which is for idempotency only). */
const submissionOutput = z.object({
  id: z.string(),
  clientId: z.string(),
  kind: z.string(),
  collegeId: z.number(),
  termCode: z.string(),
  version: z.number(),
  fileName: z.string().nullable(),
  templateVersion: z.number(),
  rowCount: z.number(),
  rowsWithErrors: z.number(),
  errorCount: z.number(),
  warningCount: z.number(),
  infoCount: z.number(),
  issueCounts: json,
  state: z.string(),
  submittedBy: z.number(),
  submittedAt: when,
  reviewedBy: z.number().nullable(),
  reviewedAt: when.nullable(),
  reviewReason: z.string().nullable(),
});

export const submissionWithRowsOutput = z.object({
  submission: submissionOutput,
  rows: pageOutput(
    z.object({ rowNumber: z.number(), studentNo: z.string().nullable(), values: json, issues: json, errorCount: z.number() }),
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

export const studentListItem = z.object({
  id: z.number(),
  studentNo: z.string(),
  name: z.string(),
  idNumber: z.string(),
  gender: z.string(),
  birthDate: day,
  collegeId: z.number(),
  collegeName: z.string(),
  majorName: z.string(),
  grade: z.number(),
  level: z.string(),
  status: z.string(),
});

export const pendingItemOutput = z.object({
  id: z.number(),
  studentId: z.number(),
  collegeId: z.number(),
  kind: z.string(),
  academicYear: z.string(),
  termCode: z.string(),
  figures: json,
  state: z.string(),
  liftedBy: z.number().nullable(),
  liftedAt: when.nullable(),
  liftReason: z.string().nullable(),
  sourceSubmissionId: z.string().nullable(),
  createdAt: when,
});

export const pendingListItem = z.object({
  id: z.number(),
  kind: z.string(),
  academicYear: z.string(),
  termCode: z.string(),
  figures: json,
  state: z.string(),
  studentNo: z.string(),
  name: z.string(),
  collegeId: z.number(),
  collegeName: z.string(),
  createdAt: when,
});

export const applicationOutput = z.object({
  id: z.number(),
  type: z.string(),
  workflowVersion: z.number(),
  studentId: z.number(),
  collegeId: z.number(),
  targetCollegeId: z.number().nullable(),
  reasonCode: z.string(),
  materials: json,
  changes: json,
  note: z.string().nullable(),
  stage: z.string(),
  state: z.string(),
  version: z.number(),
  filedBy: z.number(),
  filedAt: when,
  submittedOn: day.nullable(),
  dueOn: day.nullable(),
  noticeEndsOn: day.nullable(),
  noticeNo: z.string().nullable(),
  executedOn: day.nullable(),
  deregistrationDueOn: day.nullable(),
  updatedAt: when,
});

/** A decision's answer: the application, and whether a deadline it set counted through a year whose holidays are unpublished. */
export const decisionOutput = applicationOutput.extend({ provisional: z.boolean() });

export const bulkResultOutput = z.array(
  z.union([
    z.object({ applicationId: z.number(), ok: z.literal(true), stage: z.string(), version: z.number() }),
    z.object({ applicationId: z.number(), ok: z.literal(false), code: z.string(), message: z.string() }),
  ]),
);

export const applicationListItem = z.object({
  id: z.number(),
  type: z.string(),
  stage: z.string(),
  state: z.string(),
  version: z.number(),
  studentNo: z.string(),
  name: z.string(),
  collegeId: z.number(),
  collegeName: z.string(),
  reasonCode: z.string(),
  filedAt: when,
  dueOn: day.nullable(),
  noticeNo: z.string().nullable(),
});

export const statusChangeOutput = z.object({
  id: z.number(),
  studentId: z.number(),
  applicationId: z.number().nullable(),
  field: z.string(),
  before: json,
  after: json,
  noticeNo: z.string().nullable(),
  at: when,
});

export const timelineOutput = z.object({
  application: applicationOutput,
  student: z.object({ studentNo: z.string(), name: z.string() }).optional(),
  decisions: z.array(
    z.object({
      action: z.string(),
      fromStage: z.string(),
      toStage: z.string(),
      role: z.string(),
      by: z.string(),
      opinion: z.string().nullable(),
      at: when,
    }),
  ),
  changes: z.array(statusChangeOutput),
});

export const pipelineOutput = z.array(
  z.object({
    type: z.string(),
    stage: z.string(),
    collegeId: z.number(),
    count: z.number(),
    overdue: z.number(),
    // Of `overdue`, those executed whose 学籍注销 is past its 15 working days (seed 003 第十二条).
    deregistrationOverdue: z.number(),
  }),
);

export const sheetProgressOutput = z.array(
  z.object({
    collegeId: z.number(),
    collegeName: z.string(),
    task: z.string(),
    taskName: z.object({ "zh-CN": z.string(), en: z.string() }),
    kind: z.string().optional(),
    dueOn: day,
    state: z.string(),
    version: z.number().nullable(),
    overdue: z.boolean(),
  }),
);

export const cohortRunOutput = z.object({ audited: z.number(), graduate: z.number(), complete: z.number() });

export const graduationSummaryOutput = z.array(
  z.object({
    collegeId: z.number(),
    stage: z.string(),
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
  outcome: z.string(),
  degree: z.string(),
  reasons: json,
  /** The reasons in the reader's language. */
  reasonTexts: z.array(z.string()),
  stage: z.string(),
  overrideOutcome: z.string().nullable(),
  overrideDegree: z.string().nullable(),
  overrideReason: z.string().nullable(),
});

export const graduationAuditOutput = z.object({
  id: z.number(),
  cohort: z.number(),
  studentId: z.number(),
  collegeId: z.number(),
  outcome: z.string(),
  degree: z.string(),
  reasons: json,
  degreeReasons: json,
  dataComplete: z.boolean(),
  rulesVersion: z.number(),
  stage: z.string(),
  overrideOutcome: z.string().nullable(),
  overrideDegree: z.string().nullable(),
  overrideReason: z.string().nullable(),
  overrideBy: z.number().nullable(),
  computedAt: when,
});

export const stageMoveOutput = z.object({ stage: z.string(), students: z.number() });

export const settingInForceOutput = z.object({ version: z.number(), validFrom: z.string(), value: json });

export const settingVersionOutput = z.object({
  id: z.number(),
  kind: z.string(),
  key: z.string(),
  version: z.number(),
  validFrom: z.string(),
  value: json,
  reason: z.string(),
  createdBy: z.number().nullable(),
  createdAt: when,
});

const outcomeCounts = z.record(z.string(), z.number());
export const standingPreviewOutput = z.object({
  students: z.number(),
  before: outcomeCounts,
  after: outcomeCounts,
  changes: z.array(z.object({ from: z.string(), to: z.string(), count: z.number() })),
  summary: z.string(),
  /** A course failed twice in one year: counted once or each time, and how many students and credits that spares. */
  repeatFailureInYear: z.object({
    before: z.enum(["once", "each"]),
    after: z.enum(["once", "each"]),
    notCountedAgain: z.object({
      before: z.object({ students: z.number(), credits: z.number() }),
      after: z.object({ students: z.number(), credits: z.number() }),
    }),
  }),
});

export const auditEventOutput = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: json,
  after: json,
  requestId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export const chainVerdictOutput = z.union([
  z.object({ ok: z.literal(true), checked: z.number() }),
  z.object({ ok: z.literal(false), checked: z.number(), brokenAt: z.number(), reason: z.enum(["hash", "link"]) }),
]);

export const userListItem = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  collegeId: z.number().nullable(),
  disabled: z.boolean(),
});
