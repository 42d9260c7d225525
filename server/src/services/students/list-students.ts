import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, majors, students } from "../../db/schema";
import { maskStudent } from "../masking";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";
import type { Viewer } from "../viewer";

export interface ListStudentsOptions extends PageOptions {
  /** Already narrowed to the viewer's college for college roles (trpc.ts `collegeFilter`). */
  collegeId?: number | undefined;
  status?: string | undefined;
}

const BY_STUDENT_NO: Keyset = { name: "students/no", parts: [{ expr: students.studentNo, type: "text" }], direction: "asc" };

/** A page of students in student-number order; ID numbers masked for roles that do not need them. */
export async function listStudents(db: Db, viewer: Viewer, o: ListStudentsOptions) {
  const where: SQL[] = [];
  if (o.collegeId !== undefined) where.push(eq(students.collegeId, o.collegeId));
  if (o.status) where.push(eq(students.status, o.status));
  const after = afterCursor(BY_STUDENT_NO, o.cursor);
  if (after) where.push(after);
  const rows = await db
    .select({
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
      ethnicity: students.ethnicity,
      status: students.status,
      ...keyColumns(BY_STUDENT_NO),
    })
    .from(students)
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .where(and(...where))
    .orderBy(...keysetOrder(BY_STUDENT_NO))
    .limit(o.limit + 1);
  return toPage(BY_STUDENT_NO, rows, o.limit, (r) => maskStudent(viewer.role, withoutKeys(r)));
}
