import { APPLICATION_TYPES, ROLES } from "@xueji/shared";
import { z } from "zod";
import {
  APPLICATION_STATES,
  AUDIT_STAGES,
  DECISION_ACTIONS,
  DEGREE_DECISIONS,
  GRADUATION_OUTCOMES,
  PENDING_KINDS,
  PENDING_STATES,
  SHEET_KINDS,
  SUBMISSION_STATES,
} from "../db/schema/enums";
import { pageOutput } from "../services/paging";
import { SETTING_KIND_NAMES } from "../services/settings/setting-kinds";

/**
 * What each procedure may send, field by field: `.output()` parses every answer
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
// The record's closed sets (typed columns with CHECK constraints): the clients' types narrow to them.
const submissionState = z.enum(SUBMISSION_STATES);
const applicationType = z.enum(APPLICATION_TYPES);
const applicationState = z.enum(APPLICATION_STATES);
const decisionAction = z.enum(DECISION_ACTIONS);
const role = z.enum(ROLES);
const localized = z.object({ "zh-CN": z.string(), en: z.string() });
const pendingKind = z.enum(PENDING_KINDS);
const pendingState = z.enum(PENDING_STATES);
const graduationOutcome = z.enum(GRADUATION_OUTCOMES);
const degreeDecision = z.enum(DEGREE_DECISIONS);
const auditStage = z.enum(AUDIT_STAGES);
const settingKind = z.enum(SETTING_KIND_NAMES);

export const validationOutput = z.object({
  kind: sheetKind.nullable(),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ field: z.string(), header: z.string(), column: z.string() })),
  summary: z.object(issueSummary),
  issues: z.array(issueOutput.extend({ message: z.string() })),
  /** The template in force lets this kind be submitted with errors (else 提交 waits until none is left). */
  allowSubmitWithErrors: z.boolean(),
});

export const checkRulesOutput = z.object({
  academicYear: z.string(),
  version: z.number(),
  ageLimits: z.object({ min: z.number(), max: z.number() }),
});

export const receiptOutput = z.object({
  submissionId: z.string(),
  clientId: z.string(),
  kind: sheetKind,
  termCode: z.string(),
  collegeId: z.number(),
  version: z.number(),
  state: submissionState,
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
  state: submissionState,
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
  kind: sheetKind,
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
  state: submissionState,
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
  ethnicity: z.string(),
  status: z.string(),
});

export const pendingItemOutput = z.object({
  id: z.number(),
  studentId: z.number(),
  collegeId: z.number(),
  kind: pendingKind,
  academicYear: z.string(),
  termCode: z.string(),
  figures: json,
  state: pendingState,
  liftedBy: z.number().nullable(),
  liftedAt: when.nullable(),
  liftReason: z.string().nullable(),
  sourceSubmissionId: z.string().nullable(),
  createdAt: when,
});

export const pendingListItem = z.object({
  id: z.number(),
  kind: pendingKind,
  academicYear: z.string(),
  termCode: z.string(),
  figures: json,
  state: pendingState,
  studentNo: z.string(),
  name: z.string(),
  collegeId: z.number(),
  collegeName: z.string(),
  createdAt: when,
});

export const applicationOutput = z.object({
  id: z.number(),
  type: applicationType,
  workflowVersion: z.number(),
  studentId: z.number(),
  collegeId: z.number(),
  targetCollegeId: z.number().nullable(),
  reasonCode: z.string(),
  materials: json,
  changes: json,
  note: z.string().nullable(),
  stage: z.string(),
  state: applicationState,
  version: z.number(),
  filedBy: z.number(),
  filedAt: when,
  submittedOn: day.nullable(),
  dueOn: day.nullable(),
  noticeEndsOn: day.nullable(),
  noticeNo: z.string().nullable(),
  executedOn: day.nullable(),
  deregistrationDueOn: day.nullable(),
  periodStartsOn: day.nullable(),
  periodEndsOn: day.nullable(),
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
  type: applicationType,
  stage: z.string(),
  state: applicationState,
  version: z.number(),
  studentNo: z.string(),
  name: z.string(),
  collegeId: z.number(),
  collegeName: z.string(),
  reasonCode: z.string(),
  filedAt: when,
  dueOn: day.nullable(),
  noticeNo: z.string().nullable(),
  /** With state and dueOn, what shared currentDeadline/isOverdue read. */
  executedOn: day.nullable(),
  deregistrationDueOn: day.nullable(),
});

export const applicationGroupsOutput = z.object({
  total: z.number(),
  groups: z.array(z.object({ key: z.string(), count: z.number(), overdue: z.number() })),
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
      action: decisionAction,
      fromStage: z.string(),
      toStage: z.string(),
      role,
      by: z.string(),
      opinion: z.string().nullable(),
      at: when,
    }),
  ),
  changes: z.array(statusChangeOutput),
  workflow: z.object({
    version: z.number(),
    stages: z.array(
      z.object({ key: z.string(), name: localized, role, college: z.enum(["student", "target"]).nullable(), signOff: z.boolean() }),
    ),
    materials: z.array(z.string()),
    reasons: z.array(z.object({ code: z.string(), name: localized, materials: z.array(z.string()) })),
    period: z.object({ maxDays: z.number().nullable() }).nullable(),
  }),
  scans: z.array(
    z.object({
      id: z.number(),
      material: z.string(),
      fileName: z.string(),
      scanType: z.string(),
      bytes: z.number(),
      uploadedAt: z.string(),
    }),
  ),
});

export const pipelineOutput = z.array(
  z.object({
    type: applicationType,
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
    kind: sheetKind.optional(),
    dueOn: day,
    state: z.enum(["missing", "submitted", "accepted", "rejected"]),
    version: z.number().nullable(),
    overdue: z.boolean(),
  }),
);

export const cohortRunOutput = z.object({ audited: z.number(), graduate: z.number(), complete: z.number() });

export const graduationSummaryOutput = z.array(
  z.object({
    collegeId: z.number(),
    stage: auditStage,
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
  outcome: graduationOutcome,
  degree: degreeDecision,
  reasons: json,
  /** The reasons in the reader's language. */
  reasonTexts: z.array(z.string()),
  /** Why no degree (专科: the level alone, never the degree conditions), in the reader's language. */
  degreeReasons: json,
  degreeReasonTexts: z.array(z.string()),
  stage: auditStage,
  overrideOutcome: graduationOutcome.nullable(),
  overrideDegree: degreeDecision.nullable(),
  overrideReason: z.string().nullable(),
  status: z.string(),
  /** 层次 code (06 专科 …). */
  level: z.string(),
  gpa: z.number().nullable(),
  /** 处分 as its 0018 code (0 无). */
  discipline: z.string().nullable(),
});

export const graduationAuditOutput = z.object({
  id: z.number(),
  cohort: z.number(),
  studentId: z.number(),
  collegeId: z.number(),
  outcome: graduationOutcome,
  degree: degreeDecision,
  reasons: json,
  degreeReasons: json,
  dataComplete: z.boolean(),
  rulesVersion: z.number(),
  stage: auditStage,
  overrideOutcome: graduationOutcome.nullable(),
  overrideDegree: degreeDecision.nullable(),
  overrideReason: z.string().nullable(),
  overrideBy: z.number().nullable(),
  computedAt: when,
});

export const stageMoveOutput = z.object({ stage: auditStage, students: z.number() });

export const settingInForceOutput = z.object({ version: z.number(), validFrom: z.string(), value: json });

const outcomeCounts = z.record(z.string(), z.number());
export const standingPreviewOutput = z.object({
  /** Who would change outcome, by name, so the registrar can check the change against students they know. */
  movers: z.array(
    z.object({
      studentNo: z.string(),
      name: z.string(),
      college: z.string(),
      yearFailedCredits: z.number(),
      from: z.string(),
      to: z.string(),
    }),
  ),
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

/** The audit log checked as `xueji audit verify` does: the chain, then against the newest signed checkpoint. */
export const chainVerdictOutput = z.union([
  z.object({
    ok: z.literal(true),
    checked: z.number(),
    unkeyed: z.number(),
    checkpoint: z.object({ at: z.string(), count: z.number() }).nullable(),
  }),
  z.object({ ok: z.literal(false), checked: z.number(), brokenAt: z.number(), reason: z.enum(["hash", "link"]) }),
  z.object({
    ok: z.literal(false),
    checked: z.number(),
    reason: z.literal("shorter"),
    expected: z.number(),
    found: z.number(),
    checkpointAt: z.string(),
  }),
  z.object({ ok: z.literal(false), checked: z.number(), reason: z.literal("rewritten"), expected: z.number(), checkpointAt: z.string() }),
  // The file's path stays on the server: the dashboard only says that the checkpoint fails its signature.
  z.object({ ok: z.literal(false), checked: z.number(), reason: z.literal("checkpoint"), otherKey: z.boolean() }),
]);

export const userListItem = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role,
  collegeId: z.number().nullable(),
  disabled: z.boolean(),
});

// —— the dashboard's procedures (views, reference, insights, student search, settings editor, audit search) ——

const xlsxFileOutput = z.object({ fileName: z.string(), base64: z.string(), rows: z.number() });

export const savedViewOutput = z.object({
  id: z.number(),
  page: z.string(),
  name: z.string(),
  state: z.record(z.string(), json),
  sharedWithRoles: z.array(z.string()),
  ownerId: z.number(),
  ownerName: z.string(),
  updatedAt: when,
  mine: z.boolean(),
});
export const savedViewIdOutput = z.object({ id: z.number() });
export const okOutput = z.object({ ok: z.boolean() });

export const referenceOutput = z.object({
  today: day,
  academicYear: z.string(),
  currentTerm: z.string().nullable(),
  // `retired`: kept to label the records that name it, no longer offered for new ones. (Always sent; optional
  // so the many fixtures written before it stay valid.)
  colleges: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), retired: z.boolean().optional() })),
  majors: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      collegeId: z.number(),
      level: z.string(),
      retired: z.boolean().optional(),
    }),
  ),
  terms: z.array(z.object({ code: z.string(), academicYear: z.string(), startDate: day, endDate: day })),
  workflows: z.array(
    z.object({
      type: z.enum(APPLICATION_TYPES),
      version: z.number(),
      name: localized,
      stages: z.array(z.string()),
      decidingStages: z.array(z.object({ key: z.string(), name: localized, role: z.enum(ROLES) })),
      reasons: z.array(z.object({ code: z.string(), name: localized, materials: z.array(z.string()) })),
      materials: z.array(z.string()),
      changes: z.array(z.string()),
      deadlineWorkingDays: z.number(),
      /** 起止日期 asked (休学), with its bound if any. */
      period: z.object({ maxDays: z.number().nullable() }).nullable(),
    }),
  ),
});

export const xlsxExportOutput = xlsxFileOutput;
export const termSheetProgressOutput = z.object({ termCode: z.string().nullable(), rows: sheetProgressOutput });
export const auditPassRatesOutput = z.object({ cohort: z.number(), rows: graduationSummaryOutput });
export const myWorkOutput = pageOutput(
  z.object({
    id: z.number(),
    type: applicationType,
    stage: z.string(),
    version: z.number(),
    studentNo: z.string(),
    name: z.string(),
    collegeId: z.number(),
    collegeName: z.string(),
    filedAt: when,
    dueOn: day.nullable(),
    /** The deadline it runs against now (shared currentDeadline), null when none. */
    deadline: z.object({ kind: z.enum(["decision", "deregistration"]), date: day }).nullable(),
    workingDaysLeft: z.number().nullable(),
  }),
);
export const leadTimesOutput = z.array(z.object({ stage: z.string(), decisions: z.number(), medianWorkingDays: z.number() }));
export const standingByCollegeOutput = z.object({
  academicYear: z.string(),
  rows: z.array(z.object({ collegeId: z.number(), collegeName: z.string(), kind: pendingKind, state: pendingState, count: z.number() })),
});

/** A search hit: the ID number already masked by role in the service. */
export const studentSearchOutput = pageOutput(
  z.object({
    id: z.number(),
    studentNo: z.string(),
    name: z.string(),
    idNumber: z.string(),
    gender: z.string(),
    collegeId: z.number(),
    collegeName: z.string(),
    majorName: z.string(),
    grade: z.number(),
    status: z.string(),
  }),
);

/** A student's card: the record without the academic system's facts, GPA and credits (the card shows none). */
export const studentCardOutput = z.object({
  student: z.object({
    id: z.number(),
    studentNo: z.string(),
    examNo: z.string().nullable(),
    idNumber: z.string(),
    idNumberMasked: z.boolean(),
    /** 证件类型 as 学信网 names it (居民身份证, 港澳居民来往内地通行证 …). */
    documentType: z.string(),
    name: z.string(),
    gender: z.string(),
    birthDate: day,
    ethnicity: z.string(),
    politicalStatus: z.string().nullable(),
    collegeId: z.number(),
    majorId: z.number(),
    classId: z.number().nullable(),
    grade: z.number(),
    level: z.string(),
    duration: z.number(),
    studyForm: z.string(),
    enrolmentDate: day,
    expectedGraduationDate: day,
    admissionType: z.string().nullable(),
    status: z.string(),
    updatedAt: when,
  }),
  collegeName: z.string(),
  majorName: z.string(),
  className: z.string().nullable(),
  registrations: z.array(z.object({ academicYear: z.string(), status: z.string(), updatedAt: when })),
  history: z.array(statusChangeOutput),
  applications: z.array(
    z.object({
      id: z.number(),
      type: applicationType,
      stage: z.string(),
      state: applicationState,
      filedAt: when,
      noticeNo: z.string().nullable(),
      executedOn: day.nullable(),
    }),
  ),
  pending: z.array(
    z.object({ id: z.number(), kind: pendingKind, academicYear: z.string(), termCode: z.string(), state: pendingState, figures: json }),
  ),
  certificates: z.array(
    z.object({
      certificateNo: z.string(),
      kind: z.string(),
      issueDate: day,
      degreeAwarded: z.boolean(),
      degreeAwardedOn: day.nullable(),
      /** 换发/作废 from this day: a later certificate replaced it (结业换毕业). */
      voidedOn: day.nullable(),
    }),
  ),
  /** seed 000 六.1: the year's graduates' data freeze, when it holds this student today; `lift` once the registrar leader lifted it. */
  freeze: z.object({ from: day, lift: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable() }).nullable(),
});

export const settingSchemasOutput = z.array(
  z.object({
    kind: settingKind,
    title: z.string(),
    description: z.string().nullable(),
    keys: z.array(z.object({ key: z.string(), label: z.string() })),
    schema: z.record(z.string(), json),
  }),
);
const versionRef = z.object({ version: z.number(), validFrom: z.string().nullable() });
export const settingsOverviewOutput = z.array(
  z.object({ kind: settingKind, key: z.string(), inForce: versionRef, latest: versionRef, versions: z.number() }),
);
export const settingVersionListOutput = z.array(
  z.object({
    version: z.number(),
    validFrom: z.string().nullable(),
    value: json,
    reason: z.string().nullable(),
    createdAt: z.string().nullable(),
    author: z.string().nullable(),
  }),
);
const settingIssue = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });
export const settingCheckOutput = z.union([
  z.object({ ok: z.literal(true), value: json }),
  z.object({ ok: z.literal(false), issues: z.array(settingIssue) }),
]);
export const publishResultOutput = z.union([
  z.object({ status: z.literal("invalid"), issues: z.array(settingIssue) }),
  z.object({ status: z.literal("published"), version: z.number(), validFrom: z.string() }),
]);

/** The audit search's events: before/after masked by role in the service, like `auditLog.list`. */
export const auditSearchOutput = pageOutput(
  z.object({
    id: z.number(),
    at: z.string(),
    userId: z.number().nullable(),
    actor: z.string().nullable(),
    username: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: json,
    after: json,
    requestId: z.string().nullable(),
    hash: z.string(),
  }),
);
export const auditFacetsOutput = z.object({
  actions: z.array(z.string()),
  entities: z.array(z.string()),
  actors: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string() })),
});
