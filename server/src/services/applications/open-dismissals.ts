import { AppError, academicYearOf, type Material, requiredMaterials } from "@xueji/shared";
import { eq, sql } from "drizzle-orm";
import { resultRows, type Tx } from "../../db/client";
import { applicationDecisions, applications, pendingItems, type sheetSubmissions } from "../../db/schema";
import { workCalendar, workflowInForce } from "./workflow-for";

type Submission = typeof sheetSubmissions.$inferSelect;

/** 退学原因 as colleges write it on the 退学处理申报表 → the reason codes of the dismissal workflow (正方 0022). */
export function dismissalReasonCode(text: string): string {
  if (/休学期满|未复学/.test(text)) return "31";
  if (/学分|不及格|不合格|成绩/.test(text)) return "22";
  return "39";
}

/**
 * 退学处理 starts where the college's 党政联席会 has already decided (seed 004 第三周): an accepted
 * dismissal list opens one application per row at the registrar's stage (教务处汇总); a row without
 * its evidence stays with the college as a draft until the evidence is added.
 */
export async function openDismissalsFromSheet(tx: Tx, submission: Submission, today: string): Promise<number> {
  const workflow = await workflowInForce(tx, "dismissal", academicYearOf(today));
  const calendar = await workCalendar(tx, academicYearOf(today));
  const rows = resultRows<{ student_id: number; reason: string | null; evidence: string | null }>(
    await tx.execute(sql`
      select s.id as student_id, r."values"->>'reason' as reason, r."values"->>'evidence' as evidence
      from sheet_rows r join students s on s.student_no = r.student_no and s.college_id = ${submission.collegeId}
      where r.submission_id = ${submission.id} and r.error_count = 0`),
  );
  const firstStage = workflow.stages[1]?.key ?? "registrar";
  for (const row of rows) {
    const reasonCode = dismissalReasonCode(row.reason ?? "");
    const materials: Material[] = row.evidence ? ["dismissal-form", "evidence"] : ["dismissal-form"];
    const complete = requiredMaterials(workflow, reasonCode).every((m) => materials.includes(m));
    const [created] = await tx
      .insert(applications)
      .values({
        type: "dismissal",
        workflowVersion: workflow.version,
        studentId: row.student_id,
        collegeId: submission.collegeId,
        reasonCode,
        materials,
        changes: {},
        note: row.reason,
        stage: complete ? firstStage : "draft",
        state: "open",
        version: complete ? 2 : 1,
        filedBy: submission.submittedBy,
        ...(complete ? { submittedOn: today, dueOn: calendar.addWorkingDays(today, workflow.deadlineWorkingDays) } : {}),
      })
      .returning({ id: applications.id });
    if (complete && created) {
      await tx.insert(applicationDecisions).values({
        applicationId: created.id,
        action: "submit",
        fromStage: "draft",
        toStage: firstStage,
        userId: submission.submittedBy,
        role: "secretary",
        opinion: `二级学院党政联席会研究，见退学处理申报表（${submission.id.slice(0, 8)}）`,
      });
    }
  }
  return rows.length;
}

/**
 * A 退学 outcome of the standing rules (seed 000 九: 36 failed credits) becomes a dismissal
 * application at the registrar's stage, carrying the figures; the pending item is marked taken up.
 */
export async function openDismissalFromPending(tx: Tx, options: { itemId: number; userId: number; today: string }) {
  const [item] = await tx.select().from(pendingItems).where(eq(pendingItems.id, options.itemId)).for("update").limit(1);
  if (!item) throw new AppError("pending.not-found");
  if (item.kind !== "dismissal" || item.state !== "pending") throw new AppError("application.wrong-stage", { stage: item.state });
  const workflow = await workflowInForce(tx, "dismissal", academicYearOf(options.today));
  const calendar = await workCalendar(tx, academicYearOf(options.today));
  const stage = workflow.stages[1]?.key ?? "registrar";
  const figures = item.figures as { yearFailedCredits?: number };
  const [created] = await tx
    .insert(applications)
    .values({
      type: "dismissal",
      workflowVersion: workflow.version,
      studentId: item.studentId,
      collegeId: item.collegeId,
      reasonCode: "22",
      materials: ["dismissal-form", "evidence"],
      changes: {},
      note: `${item.academicYear} 学年累计不合格 ${figures.yearFailedCredits ?? "?"} 学分（学籍处理初步意见 #${item.id}）`,
      stage,
      state: "open",
      version: 2,
      filedBy: options.userId,
      submittedOn: options.today,
      dueOn: calendar.addWorkingDays(options.today, workflow.deadlineWorkingDays),
    })
    .returning();
  await tx.update(pendingItems).set({ state: "taken-up" }).where(eq(pendingItems.id, item.id));
  await tx.insert(applicationDecisions).values({
    applicationId: created?.id as number,
    action: "submit",
    fromStage: "draft",
    toStage: stage,
    userId: options.userId,
    role: "registrar-staff",
    opinion: `由学籍处理初步意见 #${item.id} 生成`,
  });
  return created as typeof applications.$inferSelect;
}
