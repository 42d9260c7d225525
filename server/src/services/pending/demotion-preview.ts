import { AppError, demotedRecord } from "@xueji/shared";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { classes, pendingItems, students } from "../../db/schema";
import type { Viewer } from "../viewer";
import { reaches } from "../viewer";

/**
 * What taking a 留级 item to 降级（学业原因） would do to the record (seed 004 二.2; seed 000 九 留级):
 * the grade and the class now and after, and the expected graduation moved by the year; the classes of
 * the student's own major in the new grade to choose from (编班). Nothing is written.
 */
export async function demotionPreview(db: Executor, options: { viewer: Viewer; itemId: number }) {
  const [item] = await db.select().from(pendingItems).where(eq(pendingItems.id, options.itemId)).limit(1);
  if (!item || !reaches(options.viewer.scope, item.collegeId)) throw new AppError("pending.not-found");
  if (item.kind !== "repeat") throw new AppError("pending.wrong-kind", { type: "降级（学业原因）" });
  const [student] = await db
    .select({
      studentNo: students.studentNo,
      name: students.name,
      majorId: students.majorId,
      grade: students.grade,
      classId: students.classId,
      expectedGraduationDate: students.expectedGraduationDate,
    })
    .from(students)
    .where(eq(students.id, item.studentId))
    .limit(1);
  if (!student) throw new AppError("pending.not-found");
  const after = demotedRecord(student);
  const [current] = student.classId
    ? await db.select({ name: classes.name }).from(classes).where(eq(classes.id, student.classId)).limit(1)
    : [];
  const candidates = await db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(and(eq(classes.majorId, student.majorId), eq(classes.grade, after.grade)))
    .orderBy(asc(classes.name));
  return {
    itemId: item.id,
    state: item.state,
    studentNo: student.studentNo,
    name: student.name,
    before: { grade: student.grade, className: current?.name ?? null, expectedGraduationDate: student.expectedGraduationDate },
    after: { grade: after.grade, expectedGraduationDate: after.expectedGraduationDate },
    classes: candidates,
  };
}
