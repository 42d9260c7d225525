import { changesSchema, materialsSchema } from "@xueji/shared/wire/application-fields";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { applications, statusChanges } from "../../db/schema";
import { APPLICATION_STATES, APPLICATION_TYPES, DECISION_ACTIONS, ROLES } from "../../db/schema/enums";
import { day, localized, openJson, when } from "../wire-values";

/** What the status-change procedures send, field by field (services/wire-values.ts: why named, never whole rows). */

export const applicationOutput = createSelectSchema(applications, { materials: materialsSchema, changes: changesSchema }).pick({
  id: true,
  type: true,
  workflowVersion: true,
  studentId: true,
  collegeId: true,
  targetCollegeId: true,
  reasonCode: true,
  materials: true,
  changes: true,
  note: true,
  stage: true,
  state: true,
  version: true,
  filedBy: true,
  filedAt: true,
  submittedOn: true,
  dueOn: true,
  noticeEndsOn: true,
  noticeNo: true,
  executedOn: true,
  deregistrationDueOn: true,
  periodStartsOn: true,
  periodEndsOn: true,
  updatedAt: true,
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
  type: z.enum(APPLICATION_TYPES),
  stage: z.string(),
  state: z.enum(APPLICATION_STATES),
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

export const statusChangeOutput = createSelectSchema(statusChanges, { before: openJson.nullable(), after: openJson.nullable() }).pick({
  id: true,
  studentId: true,
  applicationId: true,
  field: true,
  before: true,
  after: true,
  noticeNo: true,
  at: true,
});

export const timelineOutput = z.object({
  application: applicationOutput,
  student: z.object({ studentNo: z.string(), name: z.string() }).optional(),
  /** The display name of the account that filed it. */
  filer: z.string().nullable(),
  decisions: z.array(
    z.object({
      action: z.enum(DECISION_ACTIONS),
      fromStage: z.string(),
      toStage: z.string(),
      role: z.enum(ROLES),
      by: z.string(),
      opinion: z.string().nullable(),
      at: when,
    }),
  ),
  changes: z.array(statusChangeOutput),
  /** The classes the changes (done or asked for) name by id, to read them by name (students/classes-named.ts). */
  classes: z.array(z.object({ id: z.number(), name: z.string() })),
  workflow: z.object({
    version: z.number(),
    stages: z.array(
      z.object({
        key: z.string(),
        name: localized,
        role: z.enum(ROLES),
        college: z.enum(["student", "target"]).nullable(),
        signOff: z.boolean(),
      }),
    ),
    materials: materialsSchema,
    reasons: z.array(z.object({ code: z.string(), name: localized, materials: materialsSchema })),
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
