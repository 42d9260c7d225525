import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { graduationCertificates } from "./graduation-certificates";
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
    /** enrolment (在读证明) | education (学历证明) | replacement (补发的毕业/结业证明书, seed 000 四; seed 003 第十七条). */
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
    /** The words printed (title, body, school), so a reprint carries what the original said. Null before 0016. */
    printed: jsonb("printed").$type<{ title: string; body: string; schoolName: string }>(),
    /** 补打: how many times the paper was printed again (same number, a new code each time) and the last day. */
    reprintCount: integer("reprint_count").notNull().default(0),
    reprintedOn: date("reprinted_on", { mode: "string" }),
    /** A 证明书's lost 学历证书 (seed 003 第十七条 “学历证书遗失的由学校出具相应的证明书并在学历注册信息中标注”). */
    replacesCertificateId: integer("replaces_certificate_id").references(() => graduationCertificates.id),
    /** Numbered at 办理, printed afterwards by the registrar: its first printing is not a 补打. */
    awaitingPrint: boolean("awaiting_print").notNull().default(false),
  },
  (t) => [index("status_documents_student").on(t.studentId)],
);

/**
 * The codes of papers replaced by a reprint: kept (as hashes) so the old paper's code tells a reader
 * "已补打，以新证明为准" instead of looking like a forgery — and never reads as valid again.
 */
export const retiredVerifyCodes = pgTable("retired_verify_codes", {
  codeHash: text("code_hash").primaryKey(),
  documentId: integer("document_id")
    .notNull()
    .references(() => statusDocuments.id),
  /** Which printing this code was on (0 = the original) and the day it was replaced. */
  printing: integer("printing").notNull(),
  retiredOn: date("retired_on", { mode: "string" }).notNull(),
});

/**
 * The public verification page's rate-limit windows, one row per address: shared by every server
 * process on the database (counted with one upsert-and-return, like the sign-in limiter).
 */
export const verifyCounters = pgTable("verify_counters", {
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  attempts: integer("attempts").notNull(),
});

/** The last number of each kind and year (在读证明 2026-000123). */
export const documentCounters = pgTable("document_counters", {
  key: text("key").primaryKey(),
  last: integer("last").notNull(),
});
