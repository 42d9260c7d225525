import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { students } from "./students";
import { users } from "./users";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * One import of the record from a sheet (students, admitted freshmen, course results, users): the
 * file as uploaded (kept), who previewed it, and once confirmed who committed it and what it changed.
 * A dry run is a row in `previewed`; the commit re-reads the kept file, so what is written is what
 * the file says against the record at that moment.
 */
export const imports = pgTable(
  "imports",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(),
    status: text("status").notNull(),
    fileName: text("file_name").notNull(),
    file: bytea("file").notNull(),
    fileSha256: text("file_sha256").notNull(),
    /** Options the registrar set at the preview (the 学号 pattern of admitted freshmen). */
    options: jsonb("options").notNull().default({}),
    previewedBy: integer("previewed_by")
      .notNull()
      .references(() => users.id),
    previewedAt: timestamp("previewed_at", { withTimezone: true }).notNull().defaultNow(),
    committedBy: integer("committed_by").references(() => users.id),
    committedAt: timestamp("committed_at", { withTimezone: true }),
    /** The dry run's report (counts, issues, changes), then the commit's. */
    report: jsonb("report").notNull(),
  },
  (t) => [index("imports_kind_previewed").on(t.kind, t.previewedAt)],
);

/** 课程成绩 from the academic system, per student, term, course and attempt (正考/补考/重修). */
export const courseResults = pgTable(
  "course_results",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    term: text("term").notNull(),
    /** The course code, or its name where the file has no code. */
    courseKey: text("course_key").notNull(),
    courseCode: text("course_code"),
    courseName: text("course_name").notNull(),
    credits: numeric("credits", { precision: 4, scale: 1, mode: "number" }).notNull(),
    /** As the file wrote it (85, 不及格, 缺考 …). */
    score: text("score"),
    passed: boolean("passed").notNull(),
    gradePoint: numeric("grade_point", { precision: 3, scale: 2, mode: "number" }),
    nature: text("nature"),
    examType: text("exam_type").notNull(),
    importId: integer("import_id").references(() => imports.id),
  },
  (t) => [
    unique("course_results_attempt").on(t.studentId, t.term, t.courseKey, t.examType),
    index("course_results_student").on(t.studentId),
  ],
);
