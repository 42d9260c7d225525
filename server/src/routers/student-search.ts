import { z } from "zod";
import { searchStudents } from "../services/students/search-students";
import { studentCard } from "../services/students/student-card";
import { assertCollege, collegeFilter, procedureFor, router } from "../trpc";

/** 学生: search by 学号, name or 拼音首字母, and a student's card. */
export const studentSearchRouter = router({
  search: procedureFor("students.read")
    .input(
      z.object({
        query: z.string().max(40),
        collegeId: z.number().int().optional(),
        cursor: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ ctx, input }) =>
      searchStudents(ctx.db, {
        query: input.query,
        role: ctx.user.role,
        collegeId: collegeFilter(ctx.scope, input.collegeId),
        cursor: input.cursor,
        limit: input.limit,
      }),
    ),
  card: procedureFor("students.read")
    .input(z.object({ studentNo: z.string().min(1).max(30) }))
    .query(({ ctx, input }) =>
      studentCard(ctx.db, { studentNo: input.studentNo, role: ctx.user.role, assertCollege: (id) => assertCollege(ctx.scope, id) }),
    ),
});
