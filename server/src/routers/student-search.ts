import { AppError, STUDENT_STATUS } from "@xueji/shared";
import { z } from "zod";
import { idInput, studentNoInput, textInput } from "../inputs/inputs";
import { pageInput } from "../services/paging";
import { liftFreeze } from "../services/students/graduate-freeze";
import { studentCardOutput, studentSearchOutput } from "../services/students/outputs";
import { searchStudents } from "../services/students/search-students";
import { studentCard } from "../services/students/student-card";
import { reaches } from "../services/viewer";
import { collegeFilter, procedureFor, router } from "../trpc";

const STUDENT_STATUS_CODES = STUDENT_STATUS.entries.map((e) => e.code) as [string, ...string[]];

/** 学生: search by 学号, name or 拼音首字母, and a student's card. */
export const studentSearchRouter = router({
  search: procedureFor("students.read")
    .input(
      pageInput.extend({
        query: textInput(40),
        collegeId: idInput.optional(),
        majorId: idInput.optional(),
        grade: z.number().int().min(1900).max(2999).optional(),
        status: z.enum(STUDENT_STATUS_CODES).optional(),
      }),
    )
    .output(studentSearchOutput)
    .query(({ ctx, input }) =>
      searchStudents(ctx.db, {
        query: input.query,
        role: ctx.user.role,
        collegeId: collegeFilter(ctx.scope, input.collegeId),
        majorId: input.majorId,
        grade: input.grade,
        status: input.status,
        cursor: input.cursor,
        limit: input.limit,
      }),
    ),
  card: procedureFor("students.read")
    .input(z.object({ studentNo: studentNoInput }))
    .output(studentCardOutput)
    .query(({ ctx, input }) =>
      studentCard(ctx.db, {
        studentNo: input.studentNo,
        role: ctx.user.role,
        today: ctx.today(),
        // Another college's student is "not in the record", exactly like a missing one: a college
        // role must not learn that a 学号 exists elsewhere (docs/domain.md §1).
        assertCollege: (collegeId) => {
          if (!reaches(ctx.scope, collegeId)) throw new AppError("student.unknown", { studentNo: input.studentNo });
        },
      }),
    ),
  /** seed 000 六.1: the registrar leader lifts the year's graduates' data freeze for one student, with a reason (audited). */
  liftFreeze: procedureFor("students.lift-freeze")
    .input(z.object({ studentNo: studentNoInput, reason: textInput(500) }))
    .output(z.object({ studentNo: z.string(), academicYear: z.string() }))
    .mutation(({ ctx, input }) => liftFreeze(ctx.db, ctx.viewer, { studentNo: input.studentNo, reason: input.reason, today: ctx.today() })),
});
