import {
  AppError,
  COLLEGE_FILER,
  FIXED_STAGES,
  formatNotice,
  type Locale,
  type Material,
  nextStage,
  type Role,
  requiredMaterials,
  roleOfStage,
  STANDING_OUTCOME_LABELS,
  stageLabel,
  type Workflow,
} from "@xueji/shared";
import { eq, sql } from "drizzle-orm";
import { resultRows, type Tx } from "../../db/client";
import { applicationDecisions, applications, pendingItems, type sheetSubmissions } from "../../db/schema";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { workCalendar, workflowInForce } from "./workflow-for";

type Submission = typeof sheetSubmissions.$inferSelect;

/**
 * 退学原因 as colleges write it on the 退学处理申报表 → a reason of the dismissal workflow in force:
 * the first whose keywords the text contains, else the workflow's last reason. The reasons and
 * their keywords are data the school may edit (settings `workflow/dismissal`), not code.
 */
export function dismissalReasonCode(workflow: Workflow, text: string): string {
  const matched = workflow.reasons.find((r) => r.keywords?.some((k) => text.includes(k)));
  return (matched ?? workflow.reasons.at(-1))?.code ?? "";
}

/** The reason a 退学 outcome of the standing rules is filed under (flagged in the workflow), else the first. */
function standingReasonCode(workflow: Workflow): string {
  return (workflow.reasons.find((r) => r.fromStandingRules) ?? workflow.reasons[0])?.code ?? "";
}

/**
 * The registrar's stage (教务处汇总) of the workflow in force, where a decided dismissal starts: the
 * first stage decided by the office that carries decisions out (办理), else the stage after the
 * college's. Stages are editable.
 */
function registrarStage(workflow: Workflow): string {
  const registrar = roleOfStage(workflow, FIXED_STAGES.execution);
  return workflow.stages.find((s) => s.role === registrar)?.key ?? (nextStage(workflow, FIXED_STAGES.draft) as string);
}

/**
 * 退学处理 starts where the college's 党政联席会 has already decided (seed 004 第三周): an accepted
 * dismissal list opens one application per row at the registrar's stage (教务处汇总); a row without
 * its evidence stays with the college as a draft until the evidence is added. Set-based: one insert
 * for the applications, one for their 报送 decisions, whatever the number of rows.
 */
export async function openDismissalsFromSheet(
  tx: Tx,
  submission: Submission,
  today: string,
  locale: Locale,
): Promise<{ opened: number; provisional: boolean }> {
  const year = await currentAcademicYear(tx, today);
  const workflow = await workflowInForce(tx, "dismissal", year);
  const calendar = await workCalendar(tx, year);
  const rows = resultRows<{ student_id: number; reason: string | null; evidence: string | null }>(
    await tx.execute(sql`
      select s.id as student_id, r."values"->>'reason' as reason, r."values"->>'evidence' as evidence
      from sheet_rows r join students s on s.student_no = r.student_no and s.college_id = ${submission.collegeId}
      where r.submission_id = ${submission.id} and r.error_count = 0`),
  );
  if (rows.length === 0) return { opened: 0, provisional: false };
  const firstStage = registrarStage(workflow);
  // Counted through a year whose holidays are not published yet, the date is provisional (as decide-application.ts flags it).
  const { date: dueOn, provisional } = calendar.deadline(today, workflow.deadlineWorkingDays);
  const planned = rows.map((row) => {
    const reasonCode = dismissalReasonCode(workflow, row.reason ?? "");
    const materials: Material[] = row.evidence ? ["dismissal-form", "evidence"] : ["dismissal-form"];
    const complete = requiredMaterials(workflow, reasonCode).every((m) => materials.includes(m));
    return {
      type: "dismissal" as const,
      workflowVersion: workflow.version,
      studentId: row.student_id,
      collegeId: submission.collegeId,
      reasonCode,
      materials,
      changes: {},
      note: row.reason,
      stage: complete ? firstStage : FIXED_STAGES.draft,
      state: "open" as const,
      version: complete ? 2 : 1,
      filedBy: submission.submittedBy,
      ...(complete ? { submittedOn: today, dueOn } : {}),
    };
  });
  const created = await tx.insert(applications).values(planned).returning({ id: applications.id, stage: applications.stage });
  const submitted = created.filter((c) => c.stage !== FIXED_STAGES.draft);
  if (submitted.length > 0) {
    await tx.insert(applicationDecisions).values(
      submitted.map((c) => ({
        applicationId: c.id,
        action: "submit" as const,
        fromStage: FIXED_STAGES.draft,
        toStage: firstStage,
        userId: submission.submittedBy,
        role: COLLEGE_FILER,
        opinion: formatNotice(
          "application.from-dismissal-list",
          { form: submission.id.slice(0, 8), stage: stageLabel(workflow, firstStage, locale) },
          locale,
        ),
      })),
    );
  }
  return { opened: rows.length, provisional: submitted.length > 0 && provisional };
}

/**
 * A 退学 outcome of the standing rules (seed 000 九: 36 failed credits) becomes a dismissal
 * application at the registrar's stage, carrying the figures; the pending item is marked taken up.
 */
export async function openDismissalFromPending(
  tx: Tx,
  options: { itemId: number; userId: number; role: Role; today: string; locale: Locale },
) {
  const [item] = await tx.select().from(pendingItems).where(eq(pendingItems.id, options.itemId)).for("update").limit(1);
  if (!item) throw new AppError("pending.not-found");
  if (item.kind !== "dismissal" || item.state !== "pending") throw new AppError("application.wrong-stage", { stage: item.state });
  const year = await currentAcademicYear(tx, options.today);
  const workflow = await workflowInForce(tx, "dismissal", year);
  const calendar = await workCalendar(tx, year);
  const stage = registrarStage(workflow);
  const due = calendar.deadline(options.today, workflow.deadlineWorkingDays);
  const [created] = await tx
    .insert(applications)
    .values({
      type: "dismissal",
      workflowVersion: workflow.version,
      studentId: item.studentId,
      collegeId: item.collegeId,
      reasonCode: standingReasonCode(workflow),
      materials: ["dismissal-form", "evidence"],
      changes: {},
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
    fromStage: FIXED_STAGES.draft,
    toStage: stage,
    userId: options.userId,
    role: options.role,
    opinion: fromStandingOpinion(item, workflow, stage, options.locale),
  });
  return { ...(created as typeof applications.$inferSelect), provisional: due.provisional };
}

type PendingItem = typeof pendingItems.$inferSelect;

/** The note of an application a standing outcome opens: the year's failed credits and the outcome it came from. */
export function standingNote(item: PendingItem, locale: Locale): string {
  const figures = item.figures as { yearFailedCredits?: number };
  return formatNotice(
    "application.standing-note",
    { academicYear: item.academicYear, credits: figures.yearFailedCredits ?? "?", item: item.id },
    locale,
  );
}

/** The 报送 opinion of an application a standing outcome opens, naming the stage it starts at as the workflow in force does. */
export function fromStandingOpinion(item: PendingItem, workflow: Workflow, stage: string, locale: Locale): string {
  const outcome = STANDING_OUTCOME_LABELS[item.kind as keyof typeof STANDING_OUTCOME_LABELS]?.[locale] ?? item.kind;
  return formatNotice("application.from-standing", { item: item.id, outcome, stage: stageLabel(workflow, stage, locale) }, locale);
}
