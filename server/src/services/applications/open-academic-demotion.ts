import { AppError, type Locale, type Role } from "@xueji/shared";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { applicationDecisions, applications, classes, pendingItems, students } from "../../db/schema";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { fromStandingOpinion, standingNote } from "./open-dismissals";
import { workCalendar, workflowInForce } from "./workflow-for";

/**
 * A 留级 outcome of the standing rules (seed 000 九: “学年累计不合格学分 28-35 学分为留级”) is carried out
 * as a 降级（学业原因） application (seed 004 二.2 学生因成绩原因降级: 初步处理意见 → 学校开会研究 → 公示 →
 * 发文 → 学籍异动), the way a 退学 outcome becomes 退学处理: it opens at the registrar's stage with
 * the figures, joining the next grade; executing it numbers the 学籍异动通知单. The item is taken up.
 */
export async function openDemotionFromPending(
  tx: Tx,
  options: { itemId: number; userId: number; role: Role; today: string; locale: Locale; classId?: number | undefined },
) {
  const [item] = await tx.select().from(pendingItems).where(eq(pendingItems.id, options.itemId)).for("update").limit(1);
  if (!item) throw new AppError("pending.not-found");
  if (item.kind !== "repeat") throw new AppError("pending.wrong-kind", { type: "降级（学业原因）" });
  if (item.state !== "pending") throw new AppError("application.wrong-stage", { stage: item.state });
  const [student] = await tx
    .select({ grade: students.grade, majorId: students.majorId })
    .from(students)
    .where(eq(students.id, item.studentId))
    .limit(1);
  if (!student) throw new AppError("application.not-found");
  // The registrar may place the student in a class of the next grade now (the preview offers them); else the college does.
  if (options.classId !== undefined) {
    const [klass] = await tx
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.id, options.classId), eq(classes.majorId, student.majorId), eq(classes.grade, student.grade + 1)))
      .limit(1);
    if (!klass) throw new AppError("application.changes-invalid", { problem: "class-not-in-own-major", grade: student.grade + 1 });
  }
  const year = await currentAcademicYear(tx, options.today);
  const workflow = await workflowInForce(tx, "academic-demotion", year);
  const calendar = await workCalendar(tx, year);
  const stage = workflow.stages[0]?.key ?? "registrar";
  // Provisional when counted through a year whose holidays are not published (as decide-application.ts flags it).
  const due = calendar.deadline(options.today, workflow.deadlineWorkingDays);
  const [created] = await tx
    .insert(applications)
    .values({
      type: "academic-demotion",
      workflowVersion: workflow.version,
      studentId: item.studentId,
      collegeId: item.collegeId,
      reasonCode: workflow.reasons[0]?.code ?? "22",
      materials: ["failed-course-sheet"],
      // The next grade; the class chosen at the preview, else the college assigns it (编班) when it signs.
      changes: { grade: student.grade + 1, ...(options.classId !== undefined ? { classId: options.classId } : {}) },
      note: standingNote(item, options.locale),
      stage,
      state: "open",
      version: 2,
      filedBy: options.userId,
      submittedOn: options.today,
      dueOn: due.date,
    })
    .returning();
  await tx.update(pendingItems).set({ state: "taken-up" }).where(eq(pendingItems.id, item.id));
  await tx.insert(applicationDecisions).values({
    applicationId: created?.id as number,
    action: "submit",
    fromStage: "draft",
    toStage: stage,
    userId: options.userId,
    role: options.role,
    opinion: fromStandingOpinion(item, workflow, stage, options.locale),
  });
  return { ...(created as typeof applications.$inferSelect), provisional: due.provisional };
}
