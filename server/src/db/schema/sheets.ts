import type { Issue, RowValues } from "@xueji/shared";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { oneOf, PENDING_KINDS, PENDING_STATES, SHEET_KINDS, SUBMISSION_STATES } from "./enums";
import { colleges } from "./organisation";
import { students } from "./students";
import { users } from "./users";

/**
 * One college's version of one check sheet for one term. `clientId` is made by the client:
 * a second send of the same submission finds it and writes nothing.
 */
export const sheetSubmissions = pgTable(
  "sheet_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /**
     * The sender's idempotency key, unique per college and submitter: two colleges,
     * or two secretaries, may pick the same id without one's sheet answering for the other's.
     */
    clientId: text("client_id").notNull(),
    kind: text("kind", { enum: SHEET_KINDS }).notNull(),
    collegeId: integer("college_id")
      .notNull()
      .references(() => colleges.id),
    termCode: text("term_code").notNull(),
    version: integer("version").notNull(),
    fileName: text("file_name"),
    contentHash: text("content_hash").notNull(),
    templateVersion: integer("template_version").notNull(),
    rowCount: integer("row_count").notNull(),
    rowsWithErrors: integer("rows_with_errors").notNull(),
    errorCount: integer("error_count").notNull(),
    warningCount: integer("warning_count").notNull(),
    infoCount: integer("info_count").notNull().default(0),
    /** How often each issue code occurs, so a repeated send gets the very receipt of the first. */
    issueCounts: jsonb("issue_counts").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    /** submitted → accepted | rejected; an older version becomes superseded. */
    state: text("state", { enum: SUBMISSION_STATES }).notNull(),
    submittedBy: integer("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewReason: text("review_reason"),
  },
  (t) => [
    unique("sheet_submissions_version").on(t.kind, t.collegeId, t.termCode, t.version),
    unique("sheet_submissions_client").on(t.collegeId, t.submittedBy, t.clientId),
    index("sheet_submissions_state").on(t.state, t.submittedAt),
    check("sheet_submissions_kind", oneOf(t.kind, SHEET_KINDS)),
    check("sheet_submissions_state_value", oneOf(t.state, SUBMISSION_STATES)),
  ],
);

/** The normalised rows of a submission, with the issues each carries. */
export const sheetRows = pgTable(
  "sheet_rows",
  {
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => sheetSubmissions.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    studentNo: text("student_no"),
    /** The row as the shared reader parsed it. */
    values: jsonb("values").$type<RowValues>().notNull(),
    issues: jsonb("issues").$type<Array<Omit<Issue, "row">>>().notNull().default(sql`'[]'::jsonb`),
    errorCount: integer("error_count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.rowNumber] }), index("sheet_rows_student").on(t.studentNo)],
);

/** Failed courses as accepted from failed-course sheets: the basis of the standing rules. */
export const failedCourseRecords = pgTable(
  "failed_course_records",
  {
    id: serial("id").primaryKey(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    termCode: text("term_code").notNull(),
    academicYear: text("academic_year").notNull(),
    courseCode: text("course_code"),
    courseName: text("course_name").notNull(),
    credits: numeric("credits", { precision: 4, scale: 1, mode: "number" }).notNull(),
    courseNature: text("course_nature"),
    score: text("score"),
    passed: boolean("passed"),
    examType: text("exam_type"),
    sourceSubmissionId: uuid("source_submission_id").references(() => sheetSubmissions.id),
  },
  (t) => [
    index("failed_course_records_student_year").on(t.studentId, t.academicYear),
    index("failed_course_records_source").on(t.sourceSubmissionId),
  ],
);

/**
 * Preliminary opinions (初步处理意见) the rules produce: 一级/二级学业警示 per term, 留级/退学 per
 * year, with the figures that produced them. Unique per student, year, term and kind, so running
 * the rules again creates nothing twice.
 */
export const pendingItems = pgTable(
  "pending_items",
  {
    id: serial("id").primaryKey(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    collegeId: integer("college_id")
      .notNull()
      .references(() => colleges.id),
    kind: text("kind", { enum: PENDING_KINDS }).notNull(),
    academicYear: text("academic_year").notNull(),
    /** The term of a warning; '' for a year outcome. */
    termCode: text("term_code").notNull().default(""),
    figures: jsonb("figures").notNull(),
    /** pending → lifted (解除, when the credits are cleared) or taken up by an application. */
    state: text("state", { enum: PENDING_STATES }).notNull().default("pending"),
    liftedBy: integer("lifted_by").references(() => users.id),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
    liftReason: text("lift_reason"),
    sourceSubmissionId: uuid("source_submission_id").references(() => sheetSubmissions.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("pending_items_once").on(t.studentId, t.academicYear, t.termCode, t.kind),
    index("pending_items_college_state").on(t.collegeId, t.state),
    check("pending_items_kind", oneOf(t.kind, PENDING_KINDS)),
    check("pending_items_state", oneOf(t.state, PENDING_STATES)),
  ],
);
