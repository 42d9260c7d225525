import { boolean, date, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { graduationAudits } from "./graduation";
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
