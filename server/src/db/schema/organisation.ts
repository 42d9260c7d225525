import { index, integer, numeric, pgTable, serial, text, unique } from "drizzle-orm/pg-core";

/** 学院. */
export const colleges = pgTable("colleges", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull().unique(),
});

/** 专业: a major at one level, with what graduation requires of it. */
export const majors = pgTable(
  "majors",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    collegeId: integer("college_id")
      .notNull()
      .references(() => colleges.id),
    level: text("level").notNull(),
    duration: numeric("duration", { precision: 3, scale: 1, mode: "number" }).notNull(),
    maxStudyYears: integer("max_study_years").notNull(),
    requiredCredits: numeric("required_credits", { precision: 5, scale: 1, mode: "number" }).notNull(),
  },
  (t) => [unique("majors_code_level").on(t.code, t.level), index("majors_college").on(t.collegeId)],
);

/** 班级. */
export const classes = pgTable(
  "classes",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull().unique(),
    majorId: integer("major_id")
      .notNull()
      .references(() => majors.id),
    grade: integer("grade").notNull(),
  },
  (t) => [index("classes_major").on(t.majorId)],
);

/** 学期, e.g. 2025-2026-1. */
export const terms = pgTable("terms", {
  code: text("code").primaryKey(),
  academicYear: text("academic_year").notNull(),
  startDate: text("start_date").notNull(),
  endDate: text("end_date").notNull(),
});

/** 课程: the course catalogue, filled from the registrar's data and from accepted failed-course sheets. */
export const courses = pgTable("courses", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  credits: numeric("credits", { precision: 4, scale: 1, mode: "number" }).notNull(),
  nature: text("nature"),
});
