import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { classes, colleges, majors } from "./organisation";
import { users } from "./users";

/** The student record (docs/domain.md §2): the 学信网 registration fields plus status. */
export const students = pgTable(
  "students",
  {
    id: serial("id").primaryKey(),
    studentNo: text("student_no").notNull().unique(),
    examNo: text("exam_no"),
    idNumber: text("id_number").notNull(),
    /**
     * 证件类型 as 学信网 names it (ZJLX): 居民身份证 for mainland residents; 港澳台 and foreign students are registered
     * with the document they hold, and `idNumber` is read by that document's format (shared fields/id-number.ts).
     */
    documentType: text("document_type").notNull().default("居民身份证"),
    name: text("name").notNull(),
    /** 拼音首字母 of the name (张三 → zs), for searching; filled by services/students/pinyin-initials.ts. */
    pinyinInitials: text("pinyin_initials"),
    gender: text("gender").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    ethnicity: text("ethnicity").notNull(),
    politicalStatus: text("political_status"),
    collegeId: integer("college_id")
      .notNull()
      .references(() => colleges.id),
    majorId: integer("major_id")
      .notNull()
      .references(() => majors.id),
    classId: integer("class_id").references(() => classes.id),
    grade: integer("grade").notNull(),
    level: text("level").notNull(),
    duration: numeric("duration", { precision: 3, scale: 1, mode: "number" }).notNull(),
    studyForm: text("study_form").notNull(),
    enrolmentDate: date("enrolment_date", { mode: "string" }).notNull(),
    expectedGraduationDate: date("expected_graduation_date", { mode: "string" }).notNull(),
    admissionType: text("admission_type"),
    /** Credits earned so far, as the academic system reports them (for the graduation audit). */
    earnedCredits: numeric("earned_credits", { precision: 5, scale: 1, mode: "number" }),
    /** Grade point average as the academic system reports it, for degree conditions that read it. */
    gpa: numeric("gpa", { precision: 3, scale: 2, mode: "number" }),
    /** Other data degree conditions read (a sheet brings them: cet4, 处分 …), by key. */
    facts: jsonb("facts").notNull().default(sql`'{}'::jsonb`),
    status: text("status").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("students_college_status").on(t.collegeId, t.status),
    index("students_id_number").on(t.idNumber),
    index("students_major_grade").on(t.majorId, t.grade),
    index("students_pinyin_initials").on(t.pinyinInitials),
    index("students_name").on(t.name),
    // Student search at a province's size: 学号 and 拼音首字母 are searched by prefix (LIKE 'x%'), which a
    // plain index serves only under the C collation; the pattern operators serve it under any.
    index("students_student_no_prefix").on(t.studentNo.op("text_pattern_ops")),
    index("students_pinyin_initials_prefix").on(t.pinyinInitials.op("text_pattern_ops")),
    // A 学号 prefix typed with letters is matched whatever their case (ILIKE, which PostgreSQL computes as
    // lower() of both sides); the prefix of lower(学号) is what an index can serve (docs/operations.md).
    index("students_student_no_lower_prefix").on(sql`lower(${t.studentNo}) text_pattern_ops`),
    // Any part of a name (ILIKE '%…%', docs/operations.md "A province's data"): pg_trgm's trigram index serves
    // a query of 3 characters or more; a name's characters and pairs of characters (student_name_grams,
    // defined by migration 0032) serve the 1 or 2 a registrar types for a surname or a two-character name.
    index("students_name_trgm").using("gin", t.name.op("gin_trgm_ops")),
    index("students_name_grams").using("gin", sql`student_name_grams(${t.name})`),
    // The photo import matches ID numbers whatever the case of their check letter (x or X).
    index("students_id_number_upper").on(sql`upper(${t.idNumber})`),
  ],
);

/** 学年注册: the registration status of a student in an academic year. */
export const registrations = pgTable(
  "registrations",
  {
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    academicYear: text("academic_year").notNull(),
    status: text("status").notNull(),
    sourceSubmissionId: text("source_submission_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.academicYear] })],
);

/**
 * The registrar leader's lifting of the graduates' data freeze for one student (seed 000 六.1 “毕业生所有信息在当年的
 * 四月底之后不再进行更改及补充”): from it, that student's identity and certificate fields may change again in that
 * academic year, with the reason recorded.
 */
export const freezeLifts = pgTable(
  "freeze_lifts",
  {
    id: serial("id").primaryKey(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    academicYear: text("academic_year").notNull(),
    reason: text("reason").notNull(),
    liftedBy: integer("lifted_by")
      .notNull()
      .references(() => users.id),
    liftedAt: timestamp("lifted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("freeze_lifts_student").on(t.studentId, t.academicYear)],
);
