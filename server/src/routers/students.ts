import { z } from "zod";
import { failedCoursesOf } from "../services/imports/plan-results";
import { pageInput, pageOutput } from "../services/paging";
import { listStudents } from "../services/students/list-students";
import { collegeFilter, procedureFor, router } from "../trpc";
import { idInput, termInput, textInput } from "./inputs";
import { studentListItem } from "./outputs";

export const studentsRouter = router({
  /** A page of students; college roles see their own college only, and ID numbers are masked for roles that do not need them. */
  list: procedureFor("students.read")
    .input(pageInput.extend({ collegeId: idInput.optional(), status: textInput(30).optional() }))
    .output(pageOutput(studentListItem))
    .query(({ ctx, input }) => listStudents(ctx.db, ctx.viewer, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  /**
   * The failed courses of a college from the imported results, by the failed-course sheet's rules (a course
   * passed later is cleared, one failed twice is listed once): what 新建核对表 fills a 不及格课程信息核对表 with.
   */
  failedCourses: procedureFor("students.read")
    .input(pageInput.extend({ collegeId: idInput.optional(), term: termInput.optional() }))
    .output(
      pageOutput(
        z.object({
          studentNo: z.string(),
          name: z.string(),
          majorName: z.string(),
          term: z.string(),
          courseCode: z.string().nullable(),
          courseName: z.string(),
          credits: z.number(),
          nature: z.string().nullable(),
          score: z.string().nullable(),
          examType: z.string(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      const page = await failedCoursesOf(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) });
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({
          studentNo: r.student_no,
          name: r.name,
          majorName: r.major_name,
          term: r.term,
          courseCode: r.course_code,
          courseName: r.course_name,
          credits: Number(r.credits),
          nature: r.nature,
          score: r.score,
          examType: r.exam_type,
        })),
      };
    }),
});
