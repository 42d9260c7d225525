import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";

/**
 * 学校: one row (id 1). Its name, 5-digit 学校代码 and 校（院）长 are what the 学历证书 prints and numbers
 * (seed 003 第十五条); the graduation-audit setting's certificate block is only the fallback of databases
 * made before this table.
 */
export const school = pgTable(
  "school",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull(),
    code: text("code").notNull(),
    presidentName: text("president_name").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("school_single_row", sql`${t.id} = 1`)],
);

/** 学院. */
export const colleges = pgTable("colleges", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull().unique(),
  /** Set when retired: kept for the records that name it, no longer offered for new ones. */
  retiredAt: timestamp("retired_at", { withTimezone: true }),
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
    /** 学习形式 (code table studyForm). */
    studyForm: text("study_form").notNull().default("1"),
    /** 学位门类 of a 本科 major (code table degreeCategory); null for levels that award none. */
    degreeCategory: text("degree_category"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
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
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [index("classes_major").on(t.majorId)],
);

/** 学期, e.g. 2025-2026-1. */
export const terms = pgTable("terms", {
  code: text("code").primaryKey(),
  academicYear: text("academic_year").notNull(),
  startDate: text("start_date").notNull(),
  endDate: text("end_date").notNull(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
});

/** 课程: the course catalogue, filled from the registrar's data and from accepted failed-course sheets. */
export const courses = pgTable("courses", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  credits: numeric("credits", { precision: 4, scale: 1, mode: "number" }).notNull(),
  nature: text("nature"),
});
