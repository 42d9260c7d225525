import { maskIdNumber, ROLES_SEEING_ID_NUMBERS } from "@xueji/shared";
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { colleges, majors, students } from "../db/schema";
import { collegeFilter, procedureFor, router } from "../trpc";

const columns = {
  id: students.id,
  studentNo: students.studentNo,
  name: students.name,
  idNumber: students.idNumber,
  gender: students.gender,
  birthDate: students.birthDate,
  collegeId: students.collegeId,
  collegeName: colleges.name,
  majorName: majors.name,
  grade: students.grade,
  level: students.level,
  status: students.status,
};

export const studentsRouter = router({
  /** A page of students; college roles see their own college only, and ID numbers are masked for roles that do not need them. */
  list: procedureFor("students.read")
    .input(
      z.object({
        after: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        collegeId: z.number().int().optional(),
        status: z.string().max(30).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where: SQL[] = [gt(students.id, input.after)];
      const collegeId = collegeFilter(ctx.scope, input.collegeId);
      if (collegeId !== undefined) where.push(eq(students.collegeId, collegeId));
      if (input.status) where.push(eq(students.status, input.status));
      const rows = await ctx.db
        .select(columns)
        .from(students)
        .innerJoin(colleges, eq(colleges.id, students.collegeId))
        .innerJoin(majors, eq(majors.id, students.majorId))
        .where(and(...where))
        .orderBy(asc(students.id))
        .limit(input.limit);
      const seesIds = ROLES_SEEING_ID_NUMBERS.has(ctx.user.role);
      return rows.map((r) => (seesIds ? r : { ...r, idNumber: maskIdNumber(r.idNumber) }));
    }),
});
