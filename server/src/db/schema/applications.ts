import type { Material } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { bigserial, check, date, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { APPLICATION_STATES, APPLICATION_TYPES, DECISION_ACTIONS, everyOneOf, MATERIAL_KEYS, oneOf, ROLES } from "./enums";
import { colleges } from "./organisation";
import { students } from "./students";
import { users } from "./users";

/**
 * A status-change application (学籍异动) and where it stands. `version` grows with every decision:
 * a decision names the version it saw, so of two people deciding at once exactly one wins.
 */
export const applications = pgTable(
  "applications",
  {
    id: serial("id").primaryKey(),
    type: text("type", { enum: APPLICATION_TYPES }).notNull(),
    workflowVersion: integer("workflow_version").notNull(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    collegeId: integer("college_id")
      .notNull()
      .references(() => colleges.id),
    /** 转入学院 of a change of major. */
    targetCollegeId: integer("target_college_id").references(() => colleges.id),
    reasonCode: text("reason_code").notNull(),
    materials: jsonb("materials").$type<Material[]>().notNull(),
    changes: jsonb("changes").$type<Record<string, string | number>>().notNull(),
    note: text("note"),
    stage: text("stage").notNull(),
    /** open → done | rejected. */
    state: text("state", { enum: APPLICATION_STATES }).notNull(),
    version: integer("version").notNull().default(1),
    filedBy: integer("filed_by")
      .notNull()
      .references(() => users.id),
    filedAt: timestamp("filed_at", { withTimezone: true }).notNull().defaultNow(),
    submittedOn: date("submitted_on", { mode: "string" }),
    dueOn: date("due_on", { mode: "string" }),
    noticeEndsOn: date("notice_ends_on", { mode: "string" }),
    noticeNo: text("notice_no"),
    executedOn: date("executed_on", { mode: "string" }),
    deregistrationDueOn: date("deregistration_due_on", { mode: "string" }),
    /** 起止日期 of a change that lasts a while (休学): asked by the workflow's `period`. */
    periodStartsOn: date("period_starts_on", { mode: "string" }),
    periodEndsOn: date("period_ends_on", { mode: "string" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("applications_pipeline").on(t.state, t.type, t.stage, t.collegeId),
    check("applications_type", oneOf(t.type, APPLICATION_TYPES)),
    check("applications_state", oneOf(t.state, APPLICATION_STATES)),
    check("applications_materials", everyOneOf(t.materials, MATERIAL_KEYS)),
    index("applications_college_filed").on(t.collegeId, t.filedAt),
    index("applications_due").on(t.state, t.dueOn),
    index("applications_student").on(t.studentId),
    // The list's two keyset orders (newest filed first; nearest deadline first, undated last) walk these
    // instead of sorting the whole table for every page: flat page cost on a 100,000-application list.
    index("applications_filed_order").on(t.filedAt, t.id),
    // The work in hand stays small while the years of finished applications grow: a college's open list,
    // newest first, walks only the open ones (flat cost at 10,000,000 applications).
    index("applications_open_college_filed").on(t.collegeId, t.filedAt, t.id).where(sql`${t.state} = 'open'`),
    // The deadline each runs against now (services/applications/overdue.ts): 办理期限 until executed, then 学籍注销's.
    index("applications_due_order").on(
      sql`coalesce(case when ${t.executedOn} is null then ${t.dueOn} else ${t.deregistrationDueOn} end, date '9999-12-31')`,
      t.id,
    ),
    check("applications_period", sql`${t.periodStartsOn} is null or ${t.periodEndsOn} is null or ${t.periodStartsOn} <= ${t.periodEndsOn}`),
  ],
);

/** Every decision on an application: who, in which role, when, what, with the opinion text. */
export const applicationDecisions = pgTable(
  "application_decisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    action: text("action", { enum: DECISION_ACTIONS }).notNull(),
    fromStage: text("from_stage").notNull(),
    toStage: text("to_stage").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ROLES }).notNull(),
    opinion: text("opinion"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("application_decisions_application").on(t.applicationId, t.id),
    check("application_decisions_action", oneOf(t.action, DECISION_ACTIONS)),
    check("application_decisions_role", oneOf(t.role, ROLES)),
  ],
);

/** The last notice number (学籍异动通知单) issued in each year; incremented in the executing transaction. */
export const noticeCounters = pgTable("notice_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/** Each field an executed change altered, before and after, so a student's history can be replayed. */
export const statusChanges = pgTable(
  "status_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    applicationId: integer("application_id").references(() => applications.id),
    /** The import that changed it, for changes that came from a sheet of the record (imports.ts). */
    importId: integer("import_id"),
    field: text("field").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    noticeNo: text("notice_no"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("status_changes_student").on(t.studentId, t.id)],
);
