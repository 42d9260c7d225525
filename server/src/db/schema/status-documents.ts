import { date, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { students } from "./students";
import { users } from "./users";

/**
 * 在读证明 and 学历证明 (seed 000 二–三): numbered certificates for one student, each with an
 * unguessable verification code. What the public verification page shows is kept as issued —
 * name, status and date — so a later change of the record does not rewrite a paper already given.
 */
export const statusDocuments = pgTable(
  "status_documents",
  {
    id: serial("id").primaryKey(),
    documentNo: text("document_no").notNull().unique(),
    /** enrolment (在读证明) | education (学历证明). */
    kind: text("kind").notNull(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    /** Stored as its SHA-256: a database leak gives no working code. */
    verifyCodeHash: text("verify_code_hash").notNull().unique(),
    nameShown: text("name_shown").notNull(),
    statusShown: text("status_shown").notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    issuedBy: integer("issued_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("status_documents_student").on(t.studentId)],
);

/** The last number of each kind and year (在读证明 2026-000123). */
export const documentCounters = pgTable("document_counters", {
  key: text("key").primaryKey(),
  last: integer("last").notNull(),
});
