import { type AnyPgColumn, boolean, date, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { graduationAudits } from "./graduation";
import { colleges } from "./organisation";
import { students } from "./students";
import { users } from "./users";

/**
 * The 学历证书 issued when an approved audit is executed (毕业 or 结业) or a 结业 is changed to 毕业
 * (seed 003 第十三–十六条): its national number, the school and president it names, its issue date
 * (= the graduation date), whether a degree goes with it, and the notice number of the status change.
 */
export const graduationCertificates = pgTable(
  "graduation_certificates",
  {
    id: serial("id").primaryKey(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    auditId: integer("audit_id").references(() => graduationAudits.id),
    /** graduation (毕业证书) | completion (结业证书). A 结业换毕业 adds a graduation one; the old stays as history. */
    kind: text("kind").notNull(),
    certificateNo: text("certificate_no").notNull().unique(),
    schoolName: text("school_name").notNull(),
    presidentName: text("president_name").notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    degreeAwarded: boolean("degree_awarded").notNull(),
    noticeNo: text("notice_no"),
    /**
     * 学位补授 (seed 000 六.5 “学位证超过两年不再补授”; seed 004 毕业证书换发、学位补授): the day a degree was
     * awarded after the certificate, on the degree committee's decision; null when it came with the certificate.
     */
    degreeAwardedOn: date("degree_awarded_on", { mode: "string" }),
    degreeCommitteeId: integer("degree_committee_id").references(() => degreeCommitteeDecisions.id),
    /**
     * The certificate that replaced this one (结业换毕业, seed 002 三.2; seed 003 第十四条: one 学历证书 per
     * student): the old one is 换发/作废 from `voidedOn`, and reads so wherever a certificate is read or verified.
     */
    replacedBy: integer("replaced_by").references((): AnyPgColumn => graduationCertificates.id),
    voidedOn: date("voided_on", { mode: "string" }),
    issuedBy: integer("issued_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("graduation_certificates_student").on(t.studentId), index("graduation_certificates_audit").on(t.auditId)],
);

/** The last serial of each certificate-number prefix (school code · type · year · level), taken in the issuing transaction. */
export const certificateCounters = pgTable("certificate_counters", {
  prefix: text("prefix").primaryKey(),
  last: integer("last").notNull(),
});

/**
 * A decision of the school's 学位委员会 (seed 001 七 “报校学位委员会审批”; seed 004 “学位委员会通过后，进行证书
 * 制作”): a body without accounts, so the registrar records it from the minutes — the meeting's date and number
 * — for a college's list of a cohort, or for one student's 学位补授.
 */
export const degreeCommitteeDecisions = pgTable(
  "degree_committee_decisions",
  {
    id: serial("id").primaryKey(),
    cohort: integer("cohort"),
    collegeId: integer("college_id").references(() => colleges.id),
    studentId: integer("student_id").references(() => students.id),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    meetingNo: text("meeting_no").notNull(),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("degree_committee_decisions_cohort").on(t.cohort, t.collegeId)],
);
