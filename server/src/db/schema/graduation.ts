import type { AuditReason } from "@xueji/shared";
import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { AUDIT_STAGES, DEGREE_DECISIONS, GRADUATION_OUTCOMES, oneOf } from "./enums";
import { colleges } from "./organisation";
import { students } from "./students";
import { users } from "./users";

/**
 * The graduate photo collected for 学信网 (图像采集, seed 000 六.2; 四: 480×640, 1–100 KB, 蓝底): its measurements, and
 * the JPG itself when it was uploaded here (base64, as application scans are kept) — a row from the photo collection
 * may carry the measurements alone. `blueBackground`: the border sampled blue when uploaded (null: not checked).
 */
export const studentPhotos = pgTable("student_photos", {
  studentId: integer("student_id")
    .primaryKey()
    .references(() => students.id),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  bytes: integer("bytes").notNull(),
  takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  image: text("image"),
  fileName: text("file_name"),
  blueBackground: boolean("blue_background"),
  uploadedBy: integer("uploaded_by").references(() => users.id),
});

/**
 * One student's graduation and degree audit for a cohort: the computed outcome with its reasons,
 * the stage the college's list has reached, and a registrar's override (always with a reason).
 */
export const graduationAudits = pgTable(
  "graduation_audits",
  {
    id: serial("id").primaryKey(),
    cohort: integer("cohort").notNull(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    collegeId: integer("college_id")
      .notNull()
      .references(() => colleges.id),
    outcome: text("outcome", { enum: GRADUATION_OUTCOMES }).notNull(),
    degree: text("degree", { enum: DEGREE_DECISIONS }).notNull(),
    reasons: jsonb("reasons").$type<AuditReason[]>().notNull(),
    degreeReasons: jsonb("degree_reasons").$type<AuditReason[]>().notNull(),
    dataComplete: boolean("data_complete").notNull(),
    rulesVersion: integer("rules_version").notNull(),
    stage: text("stage", { enum: AUDIT_STAGES }).notNull().default("college-review"),
    overrideOutcome: text("override_outcome", { enum: GRADUATION_OUTCOMES }),
    overrideDegree: text("override_degree", { enum: DEGREE_DECISIONS }),
    overrideReason: text("override_reason"),
    overrideBy: integer("override_by").references(() => users.id),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("graduation_audits_once").on(t.cohort, t.studentId),
    index("graduation_audits_college").on(t.cohort, t.collegeId, t.stage),
    check("graduation_audits_outcome", oneOf(t.outcome, GRADUATION_OUTCOMES)),
    check("graduation_audits_degree", oneOf(t.degree, DEGREE_DECISIONS)),
    check("graduation_audits_stage", oneOf(t.stage, AUDIT_STAGES)),
  ],
);
