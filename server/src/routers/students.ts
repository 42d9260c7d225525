import { pageInput } from "../services/paging";
import { listStudents } from "../services/students/list-students";
import { collegeFilter, procedureFor, router } from "../trpc";
import { idInput, textInput } from "./inputs";

export const studentsRouter = router({
  /** A page of students; college roles see their own college only, and ID numbers are masked for roles that do not need them. */
  list: procedureFor("students.read")
    .input(pageInput.extend({ collegeId: idInput.optional(), status: textInput(30).optional() }))
    .query(({ ctx, input }) => listStudents(ctx.db, ctx.viewer, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
});
