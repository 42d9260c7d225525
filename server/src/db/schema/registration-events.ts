import { bigserial, date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { students } from "./students";
import { users } from "./users";

/**
 * Each change of a student's 学年注册 (seed 003 第十一条): 暂缓注册 for unpaid fees, 补注册 once the
 * conditions are met, 电子注册 of a new student. The registrations row holds where it stands; this, how it got there.
 */
export const registrationEvents = pgTable(
  "registration_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    academicYear: text("academic_year").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    on: date("on", { mode: "string" }).notNull(),
    by: integer("by")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registration_events_student").on(t.studentId, t.academicYear)],
);
